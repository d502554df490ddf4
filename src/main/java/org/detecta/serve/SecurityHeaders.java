package org.detecta.serve;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Map;

/**
 * The security headers of every response — pages, API answers and errors, including the ones Jetty itself
 * produces before a route runs (e.g. 400 for an ambiguous path such as {@code %00}): a strict CSP without inline
 * code and with {@code frame-ancestors 'none'}, {@code nosniff}, no framing, no referrer. A Jetty handler at the
 * top of the chain sets them before anything else can answer.
 */
public final class SecurityHeaders extends Handler.Wrapper {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  public static final Map<String, String> ALL = Map.of(
      "Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "no-referrer");

  public SecurityHeaders(Handler next) {
    super(next);
  }

  /** Jetty's error handler for answers made before any handler runs (bad URIs, bad headers), with the headers. */
  public static final class OnErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      ALL.forEach(response.getHeaders()::put);
      // the request's body was never read: tell keep-alive clients not to reuse the connection Jetty will close
      response.getHeaders().put("Connection", "close");
      return super.handle(request, response, callback);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    ALL.forEach(response.getHeaders()::put);
    return super.handle(request, response, callback);
  }
}
