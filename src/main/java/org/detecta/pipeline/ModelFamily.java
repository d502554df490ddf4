package org.detecta.pipeline;

import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;

import java.util.function.Supplier;

/**
 * One trainable model (rare-phenotype, ddxplus, kaggle-symptoms, detecta): how to train it from a data
 * directory and how to bring a stored artifact back to life. Registered in {@link ModelCatalog}.
 */
public interface ModelFamily {
  /** The model's registry name. */
  String name();

  /** True when the data directory holds what this family trains on. */
  boolean canTrain(java.nio.file.Path dataDir);

  TrainedModel train(TrainingContext context) throws java.io.IOException;

  /** Restores a model from the bytes {@link #train} produced; the knowledge base is loaded only if needed. */
  DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) throws java.io.IOException;
}
