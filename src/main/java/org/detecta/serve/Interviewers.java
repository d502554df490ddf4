package org.detecta.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.detecta.interview.DdxplusInterview;
import org.detecta.interview.HpoInterview;
import org.detecta.interview.Interviewer;
import org.detecta.rank.RareEngine;
import org.detecta.text.SpanishLabels;

/**
 * The interviewer of each served model version, built on first use and kept while that version is served:
 * DDXPlus from the data directory and the model's training seed (the answer model is refitted on the same
 * train+validation rows, well under a second), the rare engine's HPO interviewer from the engine itself.
 * {@code kaggle-symptoms} from its training rows (yes/no symptom questions). Other models get none.
 */
public final class Interviewers {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Interviewers.class);
  private final Path dataDir;
  private final Supplier<SpanishLabels> spanish;
  private final Map<String, Optional<Interviewer>> built = new ConcurrentHashMap<>();

  public Interviewers(Path dataDir, Supplier<SpanishLabels> spanish) {
    this.dataDir = dataDir;
    this.spanish = spanish;
  }

  public Optional<Interviewer> forModel(ServedModel model) {
    return built.computeIfAbsent(model.version().ref(), ref -> build(model));
  }

  /** The model versions whose interviewer is built or being built. */
  java.util.Set<String> builtRefs() {
    return java.util.Set.copyOf(built.keySet());
  }

  /**
   * Drops the interviewers of versions no longer served and builds those of the served ones on a background thread,
   * so the first diagnosis after a start or a reload does not wait for one (the DDXPlus and Kaggle interviewers
   * re-read their training rows: up to a second).
   */
  public void prepareInBackground(java.util.Collection<ServedModel> served) {
    java.util.Set<String> refs = new java.util.HashSet<>();
    served.forEach(m -> refs.add(m.version().ref()));
    built.keySet().retainAll(refs);
    Thread t = new Thread(() -> {
      for (ServedModel model : served) {
        try {
          forModel(model);
        } catch (RuntimeException e) {
          LOG.warn("Interviewer of {} not built: {}", model.version().ref(), e.getMessage());
        }
      }
    }, "detecta-interviewers-warmup");
    t.setDaemon(true);
    t.start();
  }

  private Optional<Interviewer> build(ServedModel model) {
    try {
      if (model.model() instanceof RareEngine engine) {
        return Optional.of(new HpoInterview(engine, spanish.get()));
      }
      if ("ddxplus".equals(model.name()) && Files.isDirectory(dataDir.resolve("ddxplus"))) {
        long seed = model.version().metadata().path("parameters").path("seed").asLong(42);
        return Optional.of(DdxplusInterview.build(dataDir, seed).interviewer());
      }
      if ("kaggle-symptoms".equals(model.name()) && Files.isDirectory(dataDir.resolve("kaggle-disease-symptom"))) {
        long seed = model.version().metadata().path("parameters").path("seed").asLong(42);
        return Optional.of(org.detecta.interview.KaggleInterview.build(dataDir, seed, spanish.get()));
      }
      return Optional.empty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot build the interviewer of " + model.version().ref(), e);
    }
  }
}
