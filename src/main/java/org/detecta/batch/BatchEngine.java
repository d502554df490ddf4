package org.detecta.batch;

/**
 * Scores every patient of an input with one registered model: {@code local} (in the core) or {@code spark}
 * (in the Spark module, found through {@link java.util.ServiceLoader}).
 */
public interface BatchEngine {
  /** The {@code --engine} value. */
  String name();

  BatchSummary run(BatchJob job) throws Exception;
}
