package org.detecta.interview;

/**
 * Expected reduction of the differential's entropy (nats) when a question is answered: H(D) −
 * Σ_o P(o) H(D | o), with P(o) = Σ_d P(d) P(o | d). Evaluated only over the candidate diseases given
 * (their posterior renormalised), which keeps a step cheap.
 */
public final class InformationGain {
  private InformationGain() {
  }

  /** Entropy (nats) of a distribution over the listed indices, renormalised. */
  public static double entropy(double[] p, int[] candidates) {
    double sum = 0;
    for (int c : candidates) {
      sum += p[c];
    }
    double h = 0;
    for (int c : candidates) {
      double q = p[c] / sum;
      if (q > 0) {
        h -= q * Math.log(q);
      }
    }
    return h;
  }

  /**
   * @param posterior P(d) over all diseases
   * @param candidates indices of the diseases to consider
   * @param outcomes P(o | d) as outcomes × diseases
   */
  public static double gain(double[] posterior, int[] candidates, double[][] outcomes) {
    double sum = 0;
    for (int c : candidates) {
      sum += posterior[c];
    }
    double joint = 0;
    double marginal = 0;
    for (double[] row : outcomes) {
      double m = 0;
      for (int c : candidates) {
        double j = posterior[c] / sum * row[c];
        if (j > 0) {
          m += j;
          joint -= j * Math.log(j);
        }
      }
      if (m > 0) {
        marginal += m * Math.log(m);
      }
    }
    double expected = joint + marginal;
    return Math.max(0, entropy(posterior, candidates) - expected);
  }

  /**
   * Expected rise of the top probability when a question is answered: Σ_o max_d P(d) P(o | d) − max_d P(d),
   * over the candidate diseases (renormalised). How much closer the answer is expected to bring a stop.
   */
  public static double confidenceGain(double[] posterior, int[] candidates, double[][] outcomes) {
    double sum = 0;
    double top = 0;
    for (int c : candidates) {
      sum += posterior[c];
      top = Math.max(top, posterior[c]);
    }
    double expected = 0;
    for (double[] row : outcomes) {
      double best = 0;
      for (int c : candidates) {
        best = Math.max(best, posterior[c] * row[c]);
      }
      expected += best;
    }
    return Math.max(0, (expected - top) / sum);
  }

  /** Indices of the diseases whose probability is at least {@code floor}, at most {@code max}, best first. */
  public static int[] candidates(double[] posterior, double floor, int max) {
    Integer[] order = new Integer[posterior.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(posterior[b], posterior[a]));
    int n = 0;
    while (n < order.length && n < max && (n == 0 || posterior[order[n]] >= floor)) {
      n++;
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = order[i];
    }
    return out;
  }
}
