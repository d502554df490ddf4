package org.detecta.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.detecta.batch.BatchEngine;
import org.detecta.batch.BatchJob;
import org.detecta.batch.BatchRow;
import org.detecta.batch.BatchSummary;
import org.detecta.batch.HeapGauge;
import org.detecta.batch.OutputDir;
import org.detecta.batch.PatientScorer;
import org.detecta.batch.ScorerCache;
import org.detecta.batch.ScoringArtifact;

/**
 * {@code batch --engine spark}: the registered artifact is broadcast once, each executor brings it to life
 * once ({@link ScorerCache}), every partition is scored by the same {@link PatientScorer} as the local engine
 * (mapPartitions) and written by Spark's writers straight from the executors — nothing is collected to the
 * driver. Counts come back through accumulators. Output lands in a temporary directory renamed at the end.
 */
public final class SparkBatchEngine implements BatchEngine {
  public static final String NAME = "spark";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchSummary run(BatchJob job) throws Exception {
    String outPath = job.out().startsWith("file:") ? job.out().substring("file:".length()) : job.out();
    if (outPath.contains("://")) {
      throw new IllegalArgumentException("--out " + job.out() + ": the Spark engine writes batch output to a file system "
          + "path here (object stores: write to a mounted path, or use the lake)");
    }
    SparkSession spark = SparkSessions.get(job.master(), "detecta-batch");
    HeapGauge.reset();
    long start = System.nanoTime();
    double cpuStart = BatchSummary.processCpuSeconds();
    int parallelism = spark.sparkContext().defaultParallelism();
    Dataset<Row> patients = SparkPatientInputs.read(spark, job.input(), Math.max(2, parallelism));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ScoringArtifact> artifact = jsc.broadcast(job.artifact());
    LongAccumulator patientCount = spark.sparkContext().longAccumulator("patients");
    LongAccumulator rowCount = spark.sparkContext().longAccumulator("rows");
    LongAccumulator flaggedCount = spark.sparkContext().longAccumulator("flagged");
    Dataset<Row> rows = patients.mapPartitions(
        scorePartition(artifact, job.dataDir(), job.top(), job.flagThreshold(), job.input(), patientCount, rowCount, flaggedCount),
        Encoders.row(PatientRows.OUTPUT));
    int partitions = rows.rdd().getNumPartitions();
    try (OutputDir out = OutputDir.create(Path.of(outPath))) {
      var writer = rows.write().mode(SaveMode.Overwrite);
      String target = out.temp().toAbsolutePath().toUri().toString();
      if ("csv".equals(job.format())) {
        writer.option("header", "true").csv(target);
      } else {
        writer.parquet(target);
      }
      if (patientCount.value() == 0) {
        throw new IllegalArgumentException("no readable patient in " + job.input());
      }
      out.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new BatchSummary(NAME, job.artifact().model(), job.artifact().version(), job.input(),
        Path.of(outPath).toAbsolutePath().normalize().toString(), job.format(), patientCount.value(), rowCount.value(),
        flaggedCount.value(), 0, partitions, seconds, patientCount.value() / seconds, HeapGauge.peakMb(), HeapGauge.maxMb(),
        BatchSummary.processCpuSeconds() - cpuStart);
  }

  static MapPartitionsFunction<Row, Row> scorePartition(Broadcast<ScoringArtifact> artifact, String dataDir, int top,
                                                        double threshold, String source, LongAccumulator patients,
                                                        LongAccumulator rows, LongAccumulator flagged) {
    return input -> {
      ScoringArtifact a = artifact.value();
      PatientScorer scorer = new PatientScorer(ScorerCache.model(a, dataDir), a.model(), a.version(), top, threshold);
      return new Iterator<Row>() {
        private final List<Row> pending = new ArrayList<>();
        private int at;

        @Override
        public boolean hasNext() {
          while (at >= pending.size() && input.hasNext()) {
            pending.clear();
            at = 0;
            List<BatchRow> scored = scorer.score(PatientRows.toPatient(input.next(), source));
            patients.add(1);
            rows.add(scored.size());
            if (!scored.isEmpty() && scored.get(0).rareFlag()) {
              flagged.add(1);
            }
            scored.forEach(r -> pending.add(PatientRows.toRow(r)));
          }
          return at < pending.size();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return pending.get(at++);
        }
      };
    };
  }
}
