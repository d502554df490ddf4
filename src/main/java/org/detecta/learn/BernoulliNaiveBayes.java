package org.detecta.learn;

import java.util.List;

/**
 * Bernoulli naive Bayes, where an absent finding is evidence too: {@code log P(c | x) = log P(c) + Σ_j [x_j log p_jc
 * + a (1 - x_j) log(1 - p_jc)] + const}, with {@code p_jc = (Σ_{i in c} x_ij + α) / (n_c + 2α)} (inputs in [0, 1];
 * a scaled numeric answer counts fractionally, the same at fit and at scoring) and the absence weight {@code a}
 * (1: the textbook model; 0: only present findings count). Tribuo's multinomial naive Bayes ignores absences, so it
 * cannot tell DDXPlus acute from chronic rhinosinusitis, which differ by findings the chronic patients lack.
 * Linear in x, so the fitted model is one {@link DenseNetwork} softmax layer: stored as plain numbers.
 */
public final class BernoulliNaiveBayes {
  private BernoulliNaiveBayes() {
  }

  /** Fits on rows with values in [0, 1] (clamped); {@code alpha} > 0 smooths, {@code absence} in [0, 1] weighs absences. */
  public static DenseNetwork fit(double[][] x, int[] y, int classes, double alpha, double absence) {
    if (alpha <= 0 || absence < 0 || absence > 1) {
      throw new IllegalArgumentException("bernoulli-nb needs alpha > 0 and absence in [0, 1], was " + alpha + ", " + absence);
    }
    int features = x[0].length;
    double[][] present = new double[classes][features];
    double[] n = new double[classes];
    for (int r = 0; r < x.length; r++) {
      n[y[r]]++;
      for (int j = 0; j < features; j++) {
        present[y[r]][j] += Math.min(1.0, Math.max(0.0, x[r][j]));
      }
    }
    double[][] weights = new double[classes][features];
    double[] bias = new double[classes];
    for (int c = 0; c < classes; c++) {
      bias[c] = Math.log((n[c] + 1) / (x.length + classes));
      for (int j = 0; j < features; j++) {
        double p = (present[c][j] + alpha) / (n[c] + 2 * alpha);
        double logAbsent = absence * Math.log1p(-p);
        weights[c][j] = Math.log(p) - logAbsent;
        bias[c] += logAbsent;
      }
    }
    return new DenseNetwork(List.of(new DenseNetwork.Layer(weights, bias)));
  }
}
