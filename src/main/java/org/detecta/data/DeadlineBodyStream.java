package org.detecta.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} whose every read waits at most {@code readTimeout} for the next bytes.
 * The HTTP client's thread hands each chunk over through a blocking queue (which orders the hand-over:
 * happens-before), and the reading thread polls that queue with the deadline. A body that stops arriving therefore
 * ends the read with {@link StalledBodyException} in the reader's own thread: there is no watchdog thread, no
 * interrupt that could land outside the read, and bytes that did arrive are always read before a stall is declared,
 * however late the reader is scheduled.
 */
final class DeadlineBodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
  /** Marks the end of the body (normal or failed); compared by identity. */
  private static final List<ByteBuffer> END = List.of(ByteBuffer.allocate(0));

  private final BlockingQueue<List<ByteBuffer>> chunks = new LinkedBlockingQueue<>();
  private final Duration readTimeout;
  private volatile Flow.Subscription subscription;
  private volatile Throwable failure;
  private volatile boolean closed;
  // Touched by the reading thread only.
  private Iterator<ByteBuffer> chunk = Collections.emptyIterator();
  private ByteBuffer buffer = ByteBuffer.allocate(0);
  private boolean ended;

  private DeadlineBodyStream(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** A body handler giving each response's body as a stream with this per-read deadline. */
  static HttpResponse.BodyHandler<InputStream> handler(Duration readTimeout) {
    return info -> new DeadlineBodyStream(readTimeout);
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedStage(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    chunks.add(item);
  }

  @Override
  public void onError(Throwable error) {
    failure = error;
    chunks.add(END);
  }

  @Override
  public void onComplete() {
    chunks.add(END);
  }

  @Override
  public int read() throws IOException {
    ByteBuffer next = next();
    return next == null ? -1 : next.get() & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return 0;
    }
    ByteBuffer next = next();
    if (next == null) {
      return -1;
    }
    int n = Math.min(length, next.remaining());
    next.get(bytes, offset, n);
    return n;
  }

  /** The buffer holding the next unread byte, or {@code null} at the end of the body. */
  private ByteBuffer next() throws IOException {
    while (!buffer.hasRemaining()) {
      if (chunk.hasNext()) {
        buffer = chunk.next();
        continue;
      }
      if (ended) {
        return endOrFailure();
      }
      List<ByteBuffer> item = poll();
      if (item == END) {
        ended = true;
        return endOrFailure();
      }
      chunk = item.iterator();
      subscription.request(1); // set before the first onNext, which the queue hand-over orders before this read
    }
    return buffer;
  }

  private ByteBuffer endOrFailure() throws IOException {
    Throwable error = failure;
    if (error != null) {
      throw error instanceof IOException io ? io : new IOException(error.getMessage(), error);
    }
    return null;
  }

  private List<ByteBuffer> poll() throws IOException {
    if (closed) {
      throw new IOException("closed");
    }
    List<ByteBuffer> item;
    try {
      item = chunks.poll(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new InterruptedIOException("interrupted while waiting for the response body");
    }
    if (item == null) {
      close();
      throw new StalledBodyException(readTimeout);
    }
    return item;
  }

  /** Stops the transfer: the client cancels the exchange and drops the connection. Safe from any thread. */
  @Override
  public void close() {
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  /** No bytes of the body arrived for the whole read timeout. */
  static final class StalledBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    StalledBodyException(Duration waited) {
      super("no data for " + (waited.toMillis() % 1000 == 0 ? waited.toSeconds() + " s" : waited.toMillis() + " ms"));
    }
  }
}
