package org.detecta.learn;

/**
 * Temperature scaling of probabilities, {@code p_i^(1/T) / sum_j p_j^(1/T)}, with T fitted on the
 * validation split by minimising log loss (golden-section search over log T). Works for any model that
 * outputs probabilities and never changes the ranking.
 */
public final class TemperatureScaling {
  private static final double FLOOR = 1e-12;

  private TemperatureScaling() {
  }

  public static double fit(double[][] p, int[] y) {
    double lo = Math.log(0.05);
    double hi = Math.log(20.0);
    double g = (Math.sqrt(5) - 1) / 2;
    double a = hi - g * (hi - lo);
    double b = lo + g * (hi - lo);
    double fa = logLoss(p, y, Math.exp(a));
    double fb = logLoss(p, y, Math.exp(b));
    for (int i = 0; i < 60; i++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - g * (hi - lo);
        fa = logLoss(p, y, Math.exp(a));
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + g * (hi - lo);
        fb = logLoss(p, y, Math.exp(b));
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  /**
   * In log space, relative to the largest class, so tiny probabilities keep their order (naive Bayes gives many
   * below 1e-12; flooring them there made the differential's tail alphabetical). Only exact zeros tie.
   */
  public static double[] apply(double[] p, double temperature) {
    double[] q = new double[p.length];
    for (int c = 0; c < p.length; c++) {
      q[c] = Math.log(Math.max(p[c], Double.MIN_VALUE)) / temperature;
    }
    Softmax.inPlace(q);
    return q;
  }

  public static double[][] apply(double[][] p, double temperature) {
    double[][] q = new double[p.length][];
    for (int r = 0; r < p.length; r++) {
      q[r] = apply(p[r], temperature);
    }
    return q;
  }

  private static double logLoss(double[][] p, int[] y, double temperature) {
    double loss = 0;
    for (int r = 0; r < p.length; r++) {
      loss -= Math.log(Math.max(apply(p[r], temperature)[y[r]], FLOOR));
    }
    return loss / p.length;
  }
}
