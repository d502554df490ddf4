package org.detecta.interview;

import java.util.Arrays;

/**
 * How a case of disease d answers an HPO question t, as a function of p = P(t | d) in the engine's
 * profile: P(yes | d) and P(no | d), the rest "unknown". {@link #fixed()} is the hand-set reference
 * (yes = 0.5·p, no = 0.15·(1 − p)); {@link #binned} holds rates counted on training cases per band of p.
 */
public record HpoAnswerRates(double[] upper, double[] yes, double[] no) {
  /** Upper edges of the bands of p used when counting. */
  static final double[] BANDS = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9, Double.POSITIVE_INFINITY};

  public HpoAnswerRates {
    upper = upper == null ? null : upper.clone();
    yes = yes == null ? null : yes.clone();
    no = no == null ? null : no.clone();
  }

  /** The hand-set rates: yes = 0.5·p, no = 0.15·(1 − p). */
  public static HpoAnswerRates fixed() {
    return new HpoAnswerRates(null, null, null);
  }

  /**
   * Rates from counts per band ({@code counts[band][0]} yes, {@code [1]} no, {@code [2]} unknown), each
   * band shrunk toward the hand-set rates at its middle by {@code prior} pseudo-answers.
   */
  public static HpoAnswerRates binned(double[][] counts, double prior) {
    double[] yes = new double[BANDS.length];
    double[] no = new double[BANDS.length];
    HpoAnswerRates reference = fixed();
    for (int b = 0; b < BANDS.length; b++) {
      double lo = b == 0 ? 0 : BANDS[b - 1];
      double mid = Math.min(1, b == BANDS.length - 1 ? (lo + 1) / 2 : (lo + BANDS[b]) / 2);
      double n = counts[b][0] + counts[b][1] + counts[b][2];
      yes[b] = (counts[b][0] + prior * reference.yes(mid)) / (n + prior);
      no[b] = (counts[b][1] + prior * reference.no(mid)) / (n + prior);
    }
    return new HpoAnswerRates(BANDS, yes, no);
  }

  static int band(double p) {
    int b = 0;
    while (b < BANDS.length - 1 && p >= BANDS[b]) {
      b++;
    }
    return b;
  }

  public boolean isFixed() {
    return upper == null;
  }

  public double yes(double p) {
    return isFixed() ? HpoInterview.REPORT_YES * p : yes[band(p)];
  }

  public double no(double p) {
    return isFixed() ? HpoInterview.REPORT_NO * (1 - p) : no[band(p)];
  }

  @Override
  public String toString() {
    return isFixed() ? "fixed(yes=0.5p, no=0.15(1-p))" : "binned(upper=" + Arrays.toString(upper) + ", yes="
        + Arrays.toString(yes) + ", no=" + Arrays.toString(no) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HpoAnswerRates r && Arrays.equals(upper, r.upper) && Arrays.equals(yes, r.yes) && Arrays.equals(no, r.no);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(yes) * 31 + Arrays.hashCode(no);
  }
}
