package org.detecta.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1, port 0, serving files by path with {@code Range: bytes=N-} support, a redirect
 * prefix {@code /r/} (302 to the same path without it), and two faults to test against: dropping the connection after
 * some bytes (once per path), and ignoring Range headers. Records every request's path and Range header.
 */
final class RangeFileServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final Map<String, Path> files = new ConcurrentHashMap<>();
  private final Map<String, Long> dropAfter = new ConcurrentHashMap<>();
  private final Map<String, Long> stallAfter = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean ignoreRange;

  RangeFileServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(handlers); // not the dispatcher thread: a stalled response must not block the next request
    server.start();
  }

  RangeFileServer serve(String path, Path file) {
    files.put(path, file);
    return this;
  }

  /** The next request for {@code path} sends the full length header, then only {@code bytes} bytes, then hangs up. */
  RangeFileServer dropOnceAfter(String path, long bytes) {
    dropAfter.put(path, bytes);
    return this;
  }

  /** The next request for {@code path} sends {@code bytes} bytes, then nothing more until the server stops. */
  RangeFileServer stallOnceAfter(String path, long bytes) {
    stallAfter.put(path, bytes);
    return this;
  }

  RangeFileServer ignoreRange(boolean ignore) {
    this.ignoreRange = ignore;
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Each request as {@code PATH [Range header]}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String range = exchange.getRequestHeaders().getFirst("Range");
    requests.add(path + (range == null ? "" : " " + range));
    Long drop = dropAfter.remove(path);
    if (drop != null) {
      serveAndDrop(exchange, path, drop);
      return;
    }
    Long stall = stallAfter.remove(path);
    if (stall != null) {
      serveAndStall(exchange, path, stall);
      return;
    }
    try (exchange) {
      if (path.startsWith("/r/")) {
        exchange.getResponseHeaders().add("Location", path.substring(2));
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      Path file = files.get(path);
      if (file == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      long start = 0;
      Matcher m = range == null || ignoreRange ? null : RANGE.matcher(range);
      if (m != null && m.matches()) {
        start = Long.parseLong(m.group(1));
        if (start >= size) {
          exchange.getResponseHeaders().add("Content-Range", "bytes */" + size);
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (size - 1) + "/" + size);
        exchange.sendResponseHeaders(206, size - start);
      } else {
        exchange.sendResponseHeaders(200, size);
      }
      try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
        in.skipNBytes(start);
        in.transferTo(out);
      }
    } catch (IOException clientWentAway) {
      // Nothing to do: the client closed the connection.
    }
  }

  /** Announces the whole file (status 200, its full length) but sends only its first {@code bytes}. */
  private void sendFirstBytes(HttpExchange exchange, String path, long bytes) throws IOException {
    Path file = files.get(path);
    exchange.sendResponseHeaders(200, Files.size(file));
    OutputStream out = exchange.getResponseBody();
    try (InputStream in = Files.newInputStream(file)) {
      out.write(in.readNBytes((int) bytes));
    }
    out.flush();
  }

  /**
   * Announces the whole file, sends {@code bytes} of it, then lets an exception escape the handler: the JDK server
   * then closes the connection, which the client sees as a connection dropped mid-body.
   */
  private void serveAndDrop(HttpExchange exchange, String path, long bytes) throws IOException {
    sendFirstBytes(exchange, path, bytes);
    throw new IllegalStateException("test server: connection dropped on purpose after " + bytes + " bytes");
  }

  private void serveAndStall(HttpExchange exchange, String path, long bytes) throws IOException {
    sendFirstBytes(exchange, path, bytes);
    try {
      Thread.sleep(30_000);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("test server: stalled connection closed");
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
