package org.detecta.pipeline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedLoadsTest {
  private final SharedLoads<Object> loads = new SharedLoads<>();
  private final AtomicInteger calls = new AtomicInteger();

  private Object counted(byte[] bytes) {
    calls.incrementAndGet();
    return new Object();
  }

  @Test
  void theSameBytesInTheSameContextLoadOnce() throws IOException {
    Object first = loads.load(new byte[] {1, 2, 3}, "kb A", this::counted);
    Object second = loads.load(new byte[] {1, 2, 3}, "kb A", this::counted);
    assertSame(first, second);
    assertEquals(1, calls.get());
  }

  @Test
  void otherBytesOrAnotherContextLoadAgain() throws IOException {
    Object a = loads.load(new byte[] {1, 2, 3}, "kb A", this::counted);
    assertNotSame(a, loads.load(new byte[] {1, 2, 4}, "kb A", this::counted));
    assertNotSame(a, loads.load(new byte[] {1, 2, 3}, "kb B", this::counted));
    assertEquals(3, calls.get());
  }

  @Test
  void aConcurrentLoadOfTheSameBytesWaitsForTheFirst() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Object> first = pool.submit(() -> loads.load(new byte[] {9}, "", bytes -> {
        started.countDown();
        try {
          assertTrue(release.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
        return counted(bytes);
      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      Future<Object> second = pool.submit(() -> loads.load(new byte[] {9}, "", this::counted));
      Thread.sleep(100);
      release.countDown();
      assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
      assertEquals(1, calls.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedLoadIsNotRemembered() throws IOException {
    assertThrows(IOException.class, () -> loads.load(new byte[] {5}, "", bytes -> {
      throw new IOException("corrupt");
    }));
    Object loaded = loads.load(new byte[] {5}, "", this::counted);
    assertSame(loaded, loads.load(new byte[] {5}, "", this::counted));
    assertEquals(1, calls.get());
  }

  @Test
  void aResultNoLongerUsedIsForgotten() throws Exception {
    loads.load(new byte[] {7}, "", this::counted); // not kept by the test
    for (int i = 0; i < 50 && loads.size() > 0; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertEquals(0, loads.size(), "held weakly: collected once no served model uses it");
  }
}
