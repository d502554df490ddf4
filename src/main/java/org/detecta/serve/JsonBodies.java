package org.detecta.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Reads a JSON body defensively: content type (415), size (413), nesting and syntax (400). */
public final class JsonBodies {
  public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(100_000).build())
      .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final long maxBytes;

  public JsonBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public JsonNode read(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "unsupported_media_type", "Send the body as application/json (was "
          + (type == null ? "no Content-Type" : "'" + type + "'") + ")");
    }
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      throw tooLarge(declared);
    }
    byte[] body = body(ctx);
    if (body.length > maxBytes) {
      throw tooLarge(body.length);
    }
    if (body.length == 0) {
      throw new ApiException(400, "invalid_json", "The body is empty; send a JSON object");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw new ApiException(400, "invalid_json", "The body is not valid JSON"
          + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
    } catch (java.io.IOException e) {
      throw new ApiException(400, "invalid_json", "The body could not be read as JSON");
    }
  }

  /** The bytes of the body; a client that sends fewer bytes than it declared (early EOF) gets a 400, not a 500. */
  private static byte[] body(Context ctx) {
    try {
      return ctx.bodyAsBytes();
    } catch (io.javalin.http.HttpResponseException e) {
      throw e;
    } catch (Exception e) { // Jetty's EofException arrives unchecked ("sneaky") from Javalin
      if (e instanceof java.io.IOException || e.getCause() instanceof java.io.IOException
          || e instanceof java.io.UncheckedIOException) {
        throw new ApiException(400, "incomplete_body", "The body ended before its declared Content-Length");
      }
      throw e;
    }
  }

  private ApiException tooLarge(long size) {
    return new ApiException(413, "payload_too_large", "The body has " + size + " bytes; the limit is " + maxBytes);
  }
}
