package org.detecta.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-read deadline of a response body, driven by hand the way the HTTP client drives a body subscriber. */
class DeadlineBodyStreamTest {
  private final AtomicLong requested = new AtomicLong();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private DeadlineBodyStream subscribed(Duration timeout) {
    HttpResponse.BodySubscriber<InputStream> body = DeadlineBodyStream.handler(timeout).apply(null);
    body.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        requested.addAndGet(n);
      }

      @Override
      public void cancel() {
        cancelled.set(true);
      }
    });
    return (DeadlineBodyStream) body;
  }

  private static List<ByteBuffer> chunk(String... parts) {
    return java.util.Arrays.stream(parts).map(p -> ByteBuffer.wrap(p.getBytes(StandardCharsets.UTF_8))).toList();
  }

  @Test
  void bytesThatArrivedAreReadEvenWhenTheReaderComesLaterThanTheTimeout() throws Exception {
    DeadlineBodyStream body = subscribed(Duration.ofMillis(50));
    body.onNext(chunk("ab", "cd"));
    Thread.sleep(150);                                   // a reader descheduled for longer than the timeout
    assertArrayEquals("abcd".getBytes(StandardCharsets.UTF_8), body.readNBytes(4));
    assertEquals(2, requested.get());                    // one on subscribe, one when the chunk was taken
    IOException stalled = assertThrows(DeadlineBodyStream.StalledBodyException.class, body::read);
    assertEquals("no data for 50 ms", stalled.getMessage());
    assertTrue(cancelled.get());                         // the exchange is dropped
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void endsAtCompletionAndReportsAnUpstreamFailure() throws Exception {
    DeadlineBodyStream done = subscribed(Duration.ofSeconds(5));
    done.onNext(chunk("xyz"));
    done.onComplete();
    assertEquals("xyz", new String(done.readAllBytes(), StandardCharsets.UTF_8));
    assertEquals(-1, done.read());

    DeadlineBodyStream broken = subscribed(Duration.ofSeconds(5));
    broken.onNext(chunk("x"));
    broken.onError(new IOException("connection reset"));
    assertEquals('x', broken.read());
    assertEquals("connection reset", assertThrows(IOException.class, broken::read).getMessage());
  }

  @Test
  void closeCancelsTheExchangeAndLaterReadsFail() {
    DeadlineBodyStream body = subscribed(Duration.ofSeconds(5));
    body.close();
    assertTrue(cancelled.get());
    assertEquals("closed", assertThrows(IOException.class, body::read).getMessage());
  }
}
