package org.detecta.rank;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Fits {@link FusionWeights} on a validation split: a grid search over the component weights for mean
 * reciprocal rank of the correct disease, then a one-dimensional search of the softmax temperature for
 * validation log-likelihood (calibration). Also reports the expected calibration error of the top candidate.
 */
public final class FusionFitter {
  // Similarity (the strongest single component, measured) has weight 1; the others are searched relative to it.
  private static final double[] LR_CASES = {0, 1.0 / 64, 1.0 / 32, 1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2};
  private static final double[] LR_KB = {0, 1.0 / 64, 1.0 / 16, 1.0 / 4};
  private static final double[] EXCLUDED = {0, 1.0 / 64, 1.0 / 16, 1.0 / 4};

  /** The fitted weights and their validation figures. */
  public record Fit(FusionWeights weights, double mrr, double logLikelihood, double ece) {
  }

  public static Fit fit(ScoringModel model, List<ResolvedCase> validation, Consumer<String> progress) {
    List<ResolvedCase> usable = validation.stream()
        .filter(c -> c.observed().length > 0 && c.diagnoses().stream().anyMatch(d -> model.indexOf(d) >= 0))
        .toList();
    if (usable.isEmpty()) {
      return new Fit(new FusionWeights(1, 0, 1.0 / 16, 1.0 / 64, 1), 0, 0, 0);
    }
    int combos = LR_CASES.length * LR_KB.length * EXCLUDED.length;
    double[][] rr = new double[usable.size()][];
    IntStream.range(0, usable.size()).parallel().forEach(i -> {
      ResolvedCase c = usable.get(i);
      float[][] comps = model.scoreAll(c.observed(), c.excluded());
      float[] fused = new float[model.size()];
      double[] row = new double[combos];
      for (int k = 0; k < combos; k++) {
        combo(k).fuse(comps, fused);
        int rank = Ranks.rankOfAny(fused, model, c.diagnoses());
        row[k] = rank > 0 ? 1.0 / rank : 0;
      }
      rr[i] = row;
    });
    int best = 0;
    double bestMrr = -1;
    for (int k = 0; k < combos; k++) {
      double sum = 0;
      for (double[] row : rr) {
        sum += row[k];
      }
      if (sum / rr.length > bestMrr + 1e-12) {
        bestMrr = sum / rr.length;
        best = k;
      }
    }
    FusionWeights weights = combo(best);
    progress.accept(String.format("fusion weights %s, validation MRR %.3f on %d cases", weights, bestMrr, usable.size()));
    // Temperature: the fused logits of each case are computed once, then the 1-D search reuses them.
    float[][] logits = new float[usable.size()][];
    int[][] truth = new int[usable.size()][];
    IntStream.range(0, usable.size()).parallel().forEach(i -> {
      ResolvedCase c = usable.get(i);
      float[] fused = new float[model.size()];
      weights.fuse(model.scoreAll(c.observed(), c.excluded()), fused);
      logits[i] = fused;
      truth[i] = c.diagnoses().stream().mapToInt(model::indexOf).filter(d -> d >= 0).toArray();
    });
    double lo = Math.log(0.05);
    double hi = Math.log(20);
    for (int step = 0; step < 30; step++) {
      double m1 = lo + (hi - lo) / 3;
      double m2 = hi - (hi - lo) / 3;
      if (logLikelihood(logits, truth, Math.exp(m1)) < logLikelihood(logits, truth, Math.exp(m2))) {
        lo = m1;
      } else {
        hi = m2;
      }
    }
    double t = Math.exp((lo + hi) / 2);
    double ll = logLikelihood(logits, truth, t);
    double ece = ece(logits, truth, t);
    progress.accept(String.format("temperature %.3f, validation mean log-likelihood %.3f, ECE %.3f", t, ll, ece));
    return new Fit(weights.withTemperature(t), bestMrr, ll, ece);
  }

  private static FusionWeights combo(int k) {
    int e = k % EXCLUDED.length;
    int rest = k / EXCLUDED.length;
    return new FusionWeights(1, LR_KB[rest % LR_KB.length], LR_CASES[rest / LR_KB.length], EXCLUDED[e], 1);
  }

  static double logLikelihood(float[][] logits, int[][] truth, double t) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double lse = Ranks.logSumExp(logits[i], t);
      double best = Double.NEGATIVE_INFINITY;
      for (int d : truth[i]) {
        best = Math.max(best, logits[i][d] / t - lse);
      }
      sum += best;
    }
    return sum / logits.length;
  }

  /** Expected calibration error of the top-1 probability, 10 equal-width bins. */
  static double ece(float[][] logits, int[][] truth, double t) {
    double[] conf = new double[10];
    double[] hits = new double[10];
    int[] count = new int[10];
    for (int i = 0; i < logits.length; i++) {
      int top = 0;
      for (int d = 1; d < logits[i].length; d++) {
        if (logits[i][d] > logits[i][top]) {
          top = d;
        }
      }
      double p = Math.exp(logits[i][top] / t - Ranks.logSumExp(logits[i], t));
      int bin = Math.min(9, (int) (p * 10));
      conf[bin] += p;
      count[bin]++;
      for (int d : truth[i]) {
        if (d == top) {
          hits[bin]++;
          break;
        }
      }
    }
    double e = 0;
    for (int b = 0; b < 10; b++) {
      if (count[b] > 0) {
        e += Math.abs(conf[b] - hits[b]) / logits.length;
      }
    }
    return e;
  }
}
