package org.detecta.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Maps a list on a small fixed pool, in order, giving each item its own seed derived only from the run's seed and
 * the item's index — so results do not depend on the number of threads or on scheduling.
 */
public final class SeededParallel {
  private SeededParallel() {
  }

  /** One item's work, with its own seed. */
  @FunctionalInterface
  public interface Task<T, R> {
    R apply(T item, long seed);
  }

  public static <T, R> List<R> map(List<T> items, int threads, long seed, Task<T, R> task) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        T item = items.get(i);
        long itemSeed = seed * 1_000_003L + i;
        futures.add(pool.submit(() -> task.apply(item, itemSeed)));
      }
      List<R> out = new ArrayList<>(items.size());
      for (Future<R> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
