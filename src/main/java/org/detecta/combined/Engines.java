package org.detecta.combined;

import java.util.List;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Query;
import org.detecta.learn.CommonModel;
import org.detecta.rank.RareEngine;

/**
 * The three engines behind {@code detecta} and the translator that feeds them the same findings. {@link #score}
 * runs all three on one query and returns their differentials with the gate's features, so the combination
 * can be fitted (and compared under several priors) without running the engines again.
 */
public record Engines(DiagnosticModel rare, CommonModel ddxplus, CommonModel kaggle, FindingTranslator translator) {
  /**
   * The rare engine's probabilities are taken over its known diseases only: the world gate already weighs "not this
   * world", and the engine's own unlisted-disease share, on top of it, made rare candidates lose to common ones
   * (rare test cases, kind of the top candidate right 0.851 → 0.763, top-1 0.329 → 0.326; docs/RARE_ENGINE.md).
   */
  public Engines {
    rare = rare instanceof RareEngine engine ? engine.knownDiseasesOnly() : rare;
  }

  /** One query seen by every engine: the translation, each engine's differential, the gate features. */
  public record Scored(FindingTranslator.Translated translated, Differential rare, Differential ddxplus,
                       Differential kaggle, double[] features) {
    public List<Differential> byWorld() {
      return List.of(rare, ddxplus, kaggle);
    }
  }

  /** Runs every engine; {@code top <= 0} asks each for its full differential. */
  public Scored score(Query query, int top) {
    FindingTranslator.Translated t = translator.translate(query.observed(), query.excluded());
    Differential r = rare.diagnose(new Query(t.hpoObserved(), t.hpoExcluded(), query.sex(), query.ageYears()), top);
    Differential d = ddxplus.diagnose(new Query(t.ddxplus(), List.of(), query.sex(), query.ageYears()), top);
    Differential k = kaggle.diagnose(new Query(t.kaggle(), List.of(), query.sex(), query.ageYears()), top);
    return new Scored(t, r, d, k, features(t, r, d, k));
  }

  /** The gate's features, in the order of {@link WorldGate#FEATURES}. */
  static double[] features(FindingTranslator.Translated t, Differential r, Differential d, Differential k) {
    double n = Math.max(1, t.observed());
    return new double[] {
        t.rare() / n,
        t.kaggleUsable() / n,
        t.ddxplusUsable() / n,
        Math.log1p(t.observed()),
        Math.log1p(t.rareOnly()),
        t.rare() == 0 ? 0 : top(r),
        t.ddxplusUsable() == 0 ? 0 : top(d),
        t.kaggleUsable() == 0 ? 0 : top(k)};
  }

  private static double top(Differential differential) {
    return differential.candidates().isEmpty() ? 0 : differential.candidates().get(0).probability();
  }
}
