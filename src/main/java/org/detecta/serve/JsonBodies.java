package org.detecta.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

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
    // Parsed straight from the request stream (Jackson's recycled buffers; no copy of the body), counting bytes.
    try (InputStream in = new Bounded(ctx.req().getInputStream(), maxBytes)) {
      JsonNode node = MAPPER.readTree(in);
      if (node == null || node.isMissingNode()) {
        throw new ApiException(400, "invalid_json", "The body is empty; send a JSON object");
      }
      return node;
    } catch (TooLarge e) {
      throw tooLarge(e.size);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw new ApiException(400, "invalid_json", "The body is not valid JSON"
          + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new ApiException(400, "invalid_json", "The body could not be read as JSON");
    }
  }

  /** Thrown by {@link Bounded} once more than the limit has been read (a body without Content-Length). */
  private static final class TooLarge extends IOException {
    private final long size;

    TooLarge(long size) {
      super("body over the limit");
      this.size = size;
    }
  }

  /** Counts the bytes read and fails past {@code limit}. */
  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private long count;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws TooLarge {
      count += n;
      if (count > limit) {
        throw new TooLarge(count);
      }
    }
  }

  private ApiException tooLarge(long size) {
    return new ApiException(413, "payload_too_large", "The body has " + size + " bytes; the limit is " + maxBytes);
  }
}
