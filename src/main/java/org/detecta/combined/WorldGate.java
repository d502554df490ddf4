package org.detecta.combined;

import java.util.List;

/**
 * Which world a patient's findings come from — rare disease, a DDXPlus-type or a Kaggle-type common
 * disease — as a multinomial logistic regression over a few query features (how many findings each engine
 * can use, how confident each engine is). Fitted on validation with each source given equal total weight,
 * so its log-odds are likelihood ratios under equal priors; the prior prevalence is then added explicitly
 * ({@link #probabilities}). Immutable.
 */
public final class WorldGate {
  public static final List<String> WORLDS = List.of("rare", "ddxplus", "kaggle");
  public static final List<String> FEATURES = List.of("rareUsableFraction", "kaggleUsableFraction",
      "ddxplusUsableFraction", "logFindings", "logRareOnly", "rareTopProbability", "ddxplusTopProbability",
      "kaggleTopProbability");

  private final double[][] weights; // [world][feature], last column = intercept
  private final double[] logPrior;  // log(prior / (1/worlds)) per world

  public WorldGate(double[][] weights, double[] prior) {
    if (weights.length != WORLDS.size() || prior.length != WORLDS.size()) {
      throw new IllegalArgumentException("a gate needs " + WORLDS.size() + " worlds");
    }
    this.weights = new double[weights.length][];
    for (int w = 0; w < weights.length; w++) {
      if (weights[w].length != FEATURES.size() + 1) {
        throw new IllegalArgumentException("gate weights need " + (FEATURES.size() + 1) + " columns");
      }
      this.weights[w] = weights[w].clone();
    }
    double sum = 0;
    for (double p : prior) {
      if (!(p > 0)) {
        throw new IllegalArgumentException("every world prior must be > 0");
      }
      sum += p;
    }
    this.logPrior = new double[prior.length];
    for (int w = 0; w < prior.length; w++) {
      logPrior[w] = Math.log(prior[w] / sum) - Math.log(1.0 / prior.length);
    }
  }

  /** Priors: rare gets {@code rare}, the two common worlds share the rest equally. */
  public static double[] priors(double rare) {
    if (!(rare > 0 && rare < 1)) {
      throw new IllegalArgumentException("priorRare must be in (0,1), was " + rare);
    }
    return new double[] {rare, (1 - rare) / 2, (1 - rare) / 2};
  }

  public double[][] weights() {
    double[][] copy = new double[weights.length][];
    for (int w = 0; w < weights.length; w++) {
      copy[w] = weights[w].clone();
    }
    return copy;
  }

  public WorldGate withPrior(double[] prior) {
    return new WorldGate(weights, prior);
  }

  /** P(world | features) with the prior applied. */
  public double[] probabilities(double[] features) {
    double[] logits = logits(weights, features);
    for (int w = 0; w < logits.length; w++) {
      logits[w] += logPrior[w];
    }
    return softmax(logits);
  }

  /**
   * Fits the weights by minimising the weighted mean cross-entropy plus {@code l2}/2 times the squared
   * weights (intercepts free), by full-batch gradient descent with a decaying step: few parameters, few
   * thousand rows, deterministic.
   */
  public static double[][] fit(double[][] x, int[] world, double[] weight, double l2, int iterations) {
    int k = FEATURES.size() + 1;
    double[][] w = new double[WORLDS.size()][k];
    double total = 0;
    for (double v : weight) {
      total += v;
    }
    double[][] g = new double[WORLDS.size()][k];
    double[][] square = new double[WORLDS.size()][k];
    for (int it = 0; it < iterations; it++) {
      for (double[] row : g) {
        java.util.Arrays.fill(row, 0);
      }
      for (int i = 0; i < x.length; i++) {
        double[] p = softmax(logits(w, x[i]));
        for (int c = 0; c < w.length; c++) {
          double d = (p[c] - (world[i] == c ? 1 : 0)) * weight[i] / total;
          for (int j = 0; j < k - 1; j++) {
            g[c][j] += d * x[i][j];
          }
          g[c][k - 1] += d;
        }
      }
      for (int c = 0; c < w.length; c++) {
        for (int j = 0; j < k; j++) {
          double grad = g[c][j] + (j < k - 1 ? l2 * w[c][j] : 0);
          square[c][j] += grad * grad; // AdaGrad: robust to the scale of each feature
          w[c][j] -= 0.5 * grad / (Math.sqrt(square[c][j]) + 1e-8);
        }
      }
    }
    return w;
  }

  private static double[] logits(double[][] w, double[] x) {
    double[] out = new double[w.length];
    for (int c = 0; c < w.length; c++) {
      double z = w[c][w[c].length - 1];
      for (int j = 0; j < x.length; j++) {
        z += w[c][j] * x[j];
      }
      out[c] = z;
    }
    return out;
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
