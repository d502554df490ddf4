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

  /** log(exp(a) + exp(b)), either may be −∞. */
  public static double logAddExp(double a, double b) {
    double max = Math.max(a, b);
    return max == Double.NEGATIVE_INFINITY ? max : max + Math.log(Math.exp(a - max) + Math.exp(b - max));
  }

  /** Indices of the {@code n} highest scores (ties: lower index first), best first. */
  public static int[] top(float[] scores, int n) {
    n = Math.min(n, scores.length);
    int[] best = new int[n];
    float[] value = new float[n]; // the scores of best[], beside them: shifting reads no scattered scores
    int size = 0;
    for (int i = 0; i < scores.length; i++) {
      float s = scores[i];
      if (size == n && s <= value[n - 1]) {
        continue;
      }
      int at = size < n ? size++ : n - 1;
      while (at > 0 && value[at - 1] < s) {
        best[at] = best[at - 1];
        value[at] = value[at - 1];
        at--;
      }
      best[at] = i;
      value[at] = s;
    }
    return java.util.Arrays.copyOf(best, size);
  }
}
