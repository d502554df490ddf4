package org.detecta.pipeline;

/**
 * Training a model family on a distributed engine ({@code train --engine spark}); implemented by the Spark
 * module and found through {@link java.util.ServiceLoader}. The result goes through the same release gate and
 * registration as any locally trained model.
 */
public interface DistributedTraining {
  /** The model names it can train, e.g. {@code ddxplus}. */
  java.util.List<String> models();

  /** Trains {@code model} from the lake's clean tables; the TrainedModel records the lake snapshots it read. */
  TrainedModel train(String model, TrainingContext context, String lake, String master, java.nio.file.Path home)
      throws Exception;
}
