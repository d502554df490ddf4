package org.detecta.rank;

import java.util.List;

/** Rank arithmetic on score arrays, with the engine's deterministic tie-break (score desc, then id asc). */
public final class Ranks {
  private Ranks() {
  }

  /** 1-based rank of the best-ranked of the given diseases, or 0 when none is in the model. */
  public static int rankOfAny(float[] scores, ScoringModel model, List<String> diseaseIds) {
    int best = 0;
    for (String id : diseaseIds) {
      int d = model.indexOf(id);
      if (d < 0) {
        continue;
      }
      int rank = 1;
      float s = scores[d];
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] > s || (scores[i] == s && i != d && model.id(i).compareTo(id) < 0)) {
          rank++;
        }
      }
      if (best == 0 || rank < best) {
        best = rank;
      }
    }
    return best;
  }

  /** log Σ exp(x / t). */
  public static double logSumExp(float[] x, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : x) {
      max = Math.max(max, v / t);
    }
    double sum = 0;
    for (float v : x) {
      sum += Math.exp(v / t - max);
    }
    return max + Math.log(sum);
  }
}
