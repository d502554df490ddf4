package org.detecta.batch;

/**
 * What a batch run did, for the command's one JSON line. Heap figures are of the driver JVM; {@code cpuSeconds}
 * is the driver process's CPU time during the run (for the local engine, all the work), so patients per CPU
 * second can be compared on a machine shared with other jobs.
 */
public record BatchSummary(String engine, String model, int version, String input, String out, String format,
                           long patients, long rows, long flaggedPatients, long skippedRows, int partitions,
                           double seconds, double patientsPerSecond, long heapPeakMb, long heapMaxMb, double cpuSeconds) {
  /** CPU time of this JVM so far, in seconds (NaN when the platform does not report it). */
  public static double processCpuSeconds() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }
}
