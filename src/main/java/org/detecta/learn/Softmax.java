package org.detecta.learn;

/**
 * The numerically stable softmax (shifted by the largest logit), shared by dense networks, temperature scaling and
 * the interview's masked classifier.
 */
public final class Softmax {
  private Softmax() {
  }

  /** Replaces logits by their softmax probabilities; logits far below the largest become exact zeros. */
  public static void inPlace(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int o = 0; o < z.length; o++) {
      z[o] = Math.exp(z[o] - max);
      sum += z[o];
    }
    for (int o = 0; o < z.length; o++) {
      z[o] /= sum;
    }
  }
}
