package org.detecta.batch;

import java.util.Objects;

/**
 * One batch scoring request, engine-independent: the resolved artifact, where patients come from, where the
 * rows go and in which format, how many candidates per patient, the rare-disease flag threshold, the Spark
 * master (ignored by the local engine) and the data directory (the rare model's knowledge base).
 */
public record BatchJob(ScoringArtifact artifact, String input, String out, String format, int top,
                       double flagThreshold, String master, String dataDir, int threads) {
  public BatchJob {
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(dataDir, "dataDir");
  }
}
