package org.detecta.batch;

/** What a batch run did, for the command's one JSON line. Heap figures are of the driver JVM. */
public record BatchSummary(String engine, String model, int version, String input, String out, String format,
                           long patients, long rows, long flaggedPatients, long skippedRows, int partitions,
                           double seconds, double patientsPerSecond, long heapPeakMb, long heapMaxMb) {
}
