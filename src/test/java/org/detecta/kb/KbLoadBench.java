package org.detecta.kb;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Measures knowledge-base load time and retained heap (not a test; run by hand, see the README):
 * {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.detecta.kb.KbLoadBench ../shared/data 5}.
 * The first run includes JIT warm-up and class loading, as a real start does; later runs show the steady state.
 */
public final class KbLoadBench {
  private KbLoadBench() {
  }

  public static void main(String[] args) {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.detecta"))
        .setLevel(ch.qos.logback.classic.Level.DEBUG);
    KnowledgeBase kb = null;
    for (int run = 1; run <= runs; run++) {
      kb = null;
      long start = System.nanoTime();
      kb = KnowledgeBaseLoader.loadFromDataDir(data);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.gc();
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf("run %d: load %.2f s, %d terms, %d diseases, retained heap %.0f MiB%n", run, seconds,
          kb.terms().size(), kb.diseases().size(), used / 1048576.0);
    }
    long peak = 0;
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak heap (sum of pool peaks, an upper bound) %.0f MiB%n", peak / 1048576.0);
    System.out.println("max heap (-Xmx) " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB; kb kept: " + (kb != null));
  }
}
