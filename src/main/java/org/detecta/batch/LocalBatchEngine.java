package org.detecta.batch;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.detecta.cases.PatientCase;

/**
 * The embedded engine: reads patients in chunks, scores chunks on a fixed pool of threads and writes the rows
 * in input order. At most {@code 2 × threads} chunks are in flight, so memory stays bounded whatever the
 * input size. Output is committed atomically through {@link OutputDir}.
 */
public final class LocalBatchEngine implements BatchEngine {
  public static final String NAME = "local";
  static final int CHUNK = 2048;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchSummary run(BatchJob job) throws Exception {
    BatchFormat format = BatchFormats.require(job.format());
    PatientScorer scorer = new PatientScorer(ScorerCache.model(job.artifact(), job.dataDir()),
        job.artifact().model(), job.artifact().version(), job.top(), job.flagThreshold());
    int threads = job.threads() > 0 ? job.threads() : Runtime.getRuntime().availableProcessors();
    HeapGauge.reset();
    long start = System.nanoTime();
    double cpuStart = BatchSummary.processCpuSeconds();
    long patients = 0;
    long rows = 0;
    long flagged = 0;
    long skipped;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "batch-score");
      t.setDaemon(true);
      return t;
    });
    try (OutputDir out = OutputDir.create(Path.of(job.out()));
         PatientReader reader = PatientInputs.open(Path.of(job.input()))) {
      try (RowSink sink = format.open(out.temp(), 0)) {
        Deque<Future<List<List<BatchRow>>>> inFlight = new ArrayDeque<>();
        List<PatientCase> chunk;
        while (!(chunk = nextChunk(reader)).isEmpty()) {
          List<PatientCase> work = chunk;
          inFlight.add(pool.submit(() -> work.stream().map(scorer::score).toList()));
          if (inFlight.size() >= 2 * threads) {
            long[] counts = drain(inFlight.poll().get(), sink);
            patients += counts[0];
            rows += counts[1];
            flagged += counts[2];
          }
        }
        while (!inFlight.isEmpty()) {
          long[] counts = drain(inFlight.poll().get(), sink);
          patients += counts[0];
          rows += counts[1];
          flagged += counts[2];
        }
      }
      skipped = reader.skipped();
      if (patients == 0) {
        throw new IllegalArgumentException("no readable patient in " + job.input()
            + (skipped > 0 ? " (" + skipped + " unreadable rows)" : ""));
      }
      out.commit();
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new BatchSummary(NAME, job.artifact().model(), job.artifact().version(), job.input(),
        Path.of(job.out()).toAbsolutePath().normalize().toString(), format.name(), patients, rows, flagged, skipped, 1,
        seconds, patients / seconds, HeapGauge.peakMb(), HeapGauge.maxMb(),
        BatchSummary.processCpuSeconds() - cpuStart);
  }

  private static List<PatientCase> nextChunk(PatientReader reader) throws java.io.IOException {
    List<PatientCase> chunk = new ArrayList<>(CHUNK);
    PatientCase patient;
    while (chunk.size() < CHUNK && (patient = reader.next()) != null) {
      chunk.add(patient);
    }
    return chunk;
  }

  /** Writes one chunk's rows; returns {patients, rows, flagged patients}. */
  private static long[] drain(List<List<BatchRow>> scored, RowSink sink) throws java.io.IOException {
    long rows = 0;
    long flagged = 0;
    for (List<BatchRow> patientRows : scored) {
      for (BatchRow row : patientRows) {
        sink.write(row);
      }
      rows += patientRows.size();
      if (!patientRows.isEmpty() && patientRows.get(0).rareFlag()) {
        flagged++;
      }
    }
    return new long[] {scored.size(), rows, flagged};
  }
}
