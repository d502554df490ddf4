package org.detecta.serve;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import org.detecta.registry.StorageUnavailableException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

/**
 * The HTTP server: Javalin 7 on Jetty 12 with a small thread pool, every route in {@link #routes}, one
 * error policy (JSON {@code {"error","detail","fields","requestId"}}, never a stack trace), security
 * headers, optional CORS, bounded concurrency (429), per-route metrics and the static web page.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  /** What the routes call. */
  public record Controllers(ApiController api, InferenceController inference, AdminController admin, HttpMetrics metrics,
                            NoteController notes, InterviewController interview) {
  }

  private final ServeConfig config;
  private final Controllers controllers;
  private final Semaphore inFlight;
  private final List<String> routes = Collections.synchronizedList(new ArrayList<>());
  private final byte[] openApi;
  private final Javalin app;

  public HttpServer(ServeConfig config, Controllers controllers) {
    this.config = config;
    this.controllers = controllers;
    this.inFlight = new Semaphore(config.maxConcurrent());
    this.openApi = resource("/serve/openapi.json");
    this.app = Javalin.create(this::configure);
  }

  private void configure(JavalinConfig cfg) {
    cfg.startup.showJavalinBanner = false;
    cfg.http.maxRequestSize = config.maxBodyBytes();
    cfg.jetty.host = config.host();
    cfg.jetty.port = config.port();
    QueuedThreadPool pool = new QueuedThreadPool(Math.max(config.httpThreads(), 4), Math.min(2, config.httpThreads()));
    pool.setName("detecta-http");
    cfg.jetty.threadPool = pool;
    cfg.jetty.modifyServer(server -> {
      // Graceful stop: refuse new requests, let in-flight ones finish (Javalin nests its handler inside).
      // SecurityHeaders outermost, so even Jetty's own error answers carry them.
      server.setHandler(new SecurityHeaders(new GracefulHandler()));
      server.setErrorHandler(new SecurityHeaders.OnErrors());
      server.setStopTimeout(config.requestTimeout().toMillis());
    });
    cfg.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = "/web";
      files.location = Location.CLASSPATH;
    });
    if (!config.corsOrigins().isEmpty()) {
      cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
        rule.allowHost(config.corsOrigins().get(0), config.corsOrigins().subList(1, config.corsOrigins().size()).toArray(String[]::new));
      }));
    }
    cfg.events.handlerAdded(info -> {
      HandlerType type = info.getHttpMethod();
      if (type == HandlerType.GET || type == HandlerType.POST || type == HandlerType.PUT || type == HandlerType.DELETE) {
        routes.add(type.name() + " " + info.getPath());
      }
    });
    cfg.routes.before(this::before);
    cfg.routes.after(this::after);
    cfg.routes.exception(ApiException.class, (e, ctx) -> fail(ctx, e));
    cfg.routes.exception(StorageUnavailableException.class, (e, ctx) -> {
      LOG.warn("Storage unavailable: {}", e.getMessage());
      ctx.header("Retry-After", "30");
      fail(ctx, new ApiException(503, "storage_unavailable", "The database is unavailable; diagnoses still work but"
          + " this write was not stored. Retry later."));
    });
    cfg.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, switch (e.getStatus()) {
      case 404 -> new ApiException(404, "not_found", "No route " + ctx.method() + " " + DiagnoseRequest.abbreviate(ctx.path()));
      case 405 -> new ApiException(405, "method_not_allowed", "Method " + ctx.method() + " is not allowed here");
      case 413 -> new ApiException(413, "payload_too_large", "The body is larger than " + config.maxBodyBytes() + " bytes");
      default -> new ApiException(e.getStatus(), "http_error", e.getMessage());
    }));
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("Request {} {} failed [{}]", ctx.method(), ctx.path(), requestId(ctx), e);
      fail(ctx, new ApiException(500, "internal_error", "Something went wrong on our side; quote the request id if you report it"));
    });
    cfg.routes.apiBuilder(this::defineRoutes);
  }

  /** Every route of the server, in one place; {@code openapi.json} documents exactly these (a test checks). */
  private void defineRoutes() {
    ApiController api = controllers.api();
    InferenceController oip = controllers.inference();
    AdminController admin = controllers.admin();
    path("/api/v1", () -> {
      post("/diagnose", api::diagnose);
      post("/interview", controllers.interview()::interview);
      post("/extract", controllers.notes()::extract);
      get("/terms", api::terms);
      post("/feedback", api::feedback);
      get("/models", api::models);
      put("/models/{name}/aliases/{alias}", admin::setAlias);
      delete("/predictions/{id}", admin::deletePrediction);
      post("/admin/reload", admin::reload);
      post("/admin/retention", admin::retention);
    });
    path("/v2", () -> {
      get("/health/live", oip::live);
      get("/health/ready", oip::ready);
      get("/models/{name}", oip::metadata);
      get("/models/{name}/ready", oip::modelReady);
      post("/models/{name}/infer", oip::infer);
    });
    get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(controllers.metrics().scrape()));
  }

  /** Oversized bodies up to this many bytes are drained before the 413 so that the client reads it. */
  static final long LINGER_BYTES = 32L * 1024 * 1024;

  private void before(Context ctx) {
    ctx.attribute("t0", System.nanoTime());
    ctx.attribute("requestId", Ids.request());
    ctx.header("X-Request-Id", requestId(ctx));
    SecurityHeaders.ALL.forEach(ctx::header);
    if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/v2/")) {
      ctx.header("Cache-Control", "no-store");
      if (!inFlight.tryAcquire()) {
        ctx.header("Retry-After", "1");
        throw new ApiException(429, "too_many_requests", "The server is at its limit of " + config.maxConcurrent()
            + " requests in flight; retry shortly");
      }
      ctx.attribute("permit", Boolean.TRUE);
    }
  }

  private void after(Context ctx) {
    drainUnreadBody(ctx);
    if (Boolean.TRUE.equals(ctx.attribute("permit"))) {
      ctx.attribute("permit", Boolean.FALSE);
      inFlight.release();
    }
    Long t0 = ctx.attribute("t0");
    if (t0 != null) {
      controllers.metrics().request(ctx.method().name(), routeOf(ctx), ctx.statusCode(), System.nanoTime() - t0);
    }
  }

  /**
   * A request answered without reading its body (401 before parsing, unknown route, wrong method) leaves the body
   * on the connection; Jetty then closes it after the answer, and a keep-alive client that reuses it sees a
   * broken connection. Reading a body within the size limit keeps the connection usable. A larger one (up to
   * {@link #LINGER_BYTES}) is read and discarded before the answer, which says {@code Connection: close}: closing a
   * socket with unread bytes makes the kernel reset it, and the client, still sending, then loses the 413 it was
   * sent (NoteApiIT saw "header parser received no bytes" for a 10 MB note). Beyond that the connection just ends.
   */
  private void drainUnreadBody(Context ctx) {
    long length = ctx.contentLength();
    if (length > config.maxBodyBytes()) {
      ctx.header("Connection", "close"); // too large to keep: the connection ends with this answer
      if (length <= LINGER_BYTES) {
        discardBody(ctx);
      }
    } else if (length > 0 && ctx.statusCode() != 413) {
      try {
        ctx.bodyAsBytes();
      } catch (Exception ignored) {
        // the client went away; nothing to keep
      }
    }
  }

  /** Reads what is left of the body into a small buffer and drops it (the idle timeout bounds a slow sender). */
  private static void discardBody(Context ctx) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = ctx.req().getInputStream()) {
      while (in.read(buffer) >= 0) {
        // dropped
      }
    } catch (IOException | RuntimeException ignored) {
      // the client went away or the body was consumed already: nothing to drain
    }
  }

  private static String routeOf(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      if (endpoint != null) {
        return endpoint.path;
      }
    } catch (RuntimeException ignored) {
      // no matched endpoint: static file or 404
    }
    return ctx.statusCode() == 404 ? "unmatched" : "static";
  }

  private static String requestId(Context ctx) {
    String id = ctx.attribute("requestId");
    return id == null ? "-" : id;
  }

  private static void fail(Context ctx, ApiException e) {
    if (e.status() == 413) {
      ctx.header("Connection", "close"); // the unread rest of the body makes the connection unusable; say so
    }
    ctx.status(e.status()).json(Renderer.error(e, requestId(ctx)));
  }

  /** Route list as "METHOD /path", as registered (for the OpenAPI agreement test). */
  public List<String> routes() {
    synchronized (routes) {
      return List.copyOf(routes);
    }
  }

  public HttpServer start() {
    app.start();
    for (Connector connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector server) {
        server.setIdleTimeout(config.requestTimeout().toMillis()); // slow clients cannot hold a thread forever
      }
    }
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Graceful: Jetty stops accepting, lets in-flight requests finish, then closes. */
  @Override
  public void close() {
    app.stop();
  }

  private static byte[] resource(String name) {
    try (InputStream in = HttpServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name + " in the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read resource " + name, e);
    }
  }
}
