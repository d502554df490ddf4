package org.detecta.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a newly registered version becomes {@code @champion}: only when it is at least as good
 * as the current champion on the primary metric (validation top-1) measured on the same data (same data fingerprint).
 * Otherwise it becomes {@code @challenger}. The decision carries its reason, so moves are never silent.
 */
public final class ChampionPolicy {
  public static final String CHALLENGER = "challenger";
  private final String split;
  private final String metric;

  public ChampionPolicy(String split, String metric) {
    this.split = Objects.requireNonNull(split);
    this.metric = Objects.requireNonNull(metric);
  }

  /**
   * Validation top-1: choosing which version serves is model selection, and model selection uses the
   * validation split only; the test split is read by each version's own release gate, never to compare.
   */
  public static ChampionPolicy defaultPolicy() {
    return new ChampionPolicy("validation", "top1");
  }

  public record Decision(String alias, String reason) {
  }

  public Decision decide(ModelVersion candidate, Optional<ModelVersion> champion) {
    if (champion.isEmpty()) {
      return new Decision(ModelRef.CHAMPION, "first version of " + candidate.name());
    }
    ModelVersion current = champion.get();
    if (!candidate.metadata().path("data").equals(current.metadata().path("data"))) {
      return new Decision(ModelRef.CHAMPION, "trained on different data than " + current.ref()
          + "; metrics are not comparable, the newest data wins");
    }
    double mine = candidate.metric(split, metric);
    double theirs = current.metric(split, metric);
    if (Double.isNaN(theirs) || (!Double.isNaN(mine) && mine >= theirs)) {
      return new Decision(ModelRef.CHAMPION, String.format(java.util.Locale.ROOT,
          "%s %s %.4f >= %.4f of %s", split, metric, mine, theirs, current.ref()));
    }
    return new Decision(CHALLENGER, String.format(java.util.Locale.ROOT,
        "%s %s %.4f < %.4f of champion %s", split, metric, mine, theirs, current.ref()));
  }
}
