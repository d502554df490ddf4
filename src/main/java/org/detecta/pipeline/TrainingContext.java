package org.detecta.pipeline;

import org.detecta.kb.KnowledgeBase;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a model family may use while training: the data directory, a seed, a progress sink (stderr in
 * the CLI) and the knowledge base, loaded lazily and at most once per process.
 */
public record TrainingContext(Path dataDir, long seed, Consumer<String> progress, Supplier<KnowledgeBase> knowledgeBase) {
  public TrainingContext {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(knowledgeBase, "knowledgeBase");
  }
}
