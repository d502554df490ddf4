package org.detecta.interview;

/**
 * Expected reduction of the differential's entropy (nats) when a question is answered: H(D) −
 * Σ_o P(o) H(D | o), with P(o) = Σ_d P(d) P(o | d). Evaluated only over the candidate diseases given
 * (their posterior renormalised), which keeps a step cheap.
 */
public final class InformationGain {
  private InformationGain() {
  }

  /**
   * @param posterior P(d) over all diseases
   * @param candidates indices of the diseases to consider
   * @param outcomes P(o | d) as outcomes × diseases
   */
  public static double gain(double[] posterior, int[] candidates, double[][] outcomes) {
    return gain(Start.of(posterior, candidates), Outcomes.of(outcomes));
  }

  /**
   * The differential one step starts from: the candidates' renormalised weights w, w·log w and their entropy,
   * computed once per step rather than once per question.
   */
  public record Start(int[] candidates, double[] weight, double[] weightLog, double entropy) {
    public static Start of(double[] posterior, int[] candidates) {
      double sum = 0;
      for (int c : candidates) {
        sum += posterior[c];
      }
      double[] w = new double[candidates.length];
      double[] wLog = new double[candidates.length];
      double h = 0;
      for (int i = 0; i < candidates.length; i++) {
        w[i] = posterior[candidates[i]] / sum;
        wLog[i] = w[i] > 0 ? w[i] * Math.log(w[i]) : 0;
        h -= wLog[i];
      }
      return new Start(candidates, w, wLog, h);
    }
  }

  /**
   * A question's outcome table P(o | d) with, per disease, Σ_o P(o|d) and Σ_o P(o|d) log P(o|d) precomputed: with
   * them a gain needs no logarithm per (outcome, disease), only one per outcome (see {@link #gain(Start, Outcomes)}).
   */
  public record Outcomes(double[][] prob, double[] mass, double[] massLog) {
    public static Outcomes of(double[][] prob) {
      int diseases = prob.length == 0 ? 0 : prob[0].length;
      double[] mass = new double[diseases];
      double[] massLog = new double[diseases];
      for (double[] row : prob) {
        for (int d = 0; d < diseases; d++) {
          if (row[d] > 0) {
            mass[d] += row[d];
            massLog[d] += row[d] * Math.log(row[d]);
          }
        }
      }
      return new Outcomes(prob, mass, massLog);
    }
  }

  /**
   * H(D) − E_o H(D | o), the same quantity as {@link #gain(double[], int[], double[][])}: with joint j = w·P(o|d),
   * Σ_o Σ_d j log j = Σ_d (w log w · Σ_o P(o|d) + w · Σ_o P(o|d) log P(o|d)), so only the marginals need logs.
   */
  public static double gain(Start start, Outcomes outcomes) {
    int[] candidates = start.candidates();
    double[] w = start.weight();
    double[] wLog = start.weightLog();
    double joint = 0;
    for (int i = 0; i < candidates.length; i++) {
      int c = candidates[i];
      joint -= wLog[i] * outcomes.mass()[c] + w[i] * outcomes.massLog()[c];
    }
    return Math.max(0, start.entropy() - joint - marginalTerm(start, outcomes.prob()));
  }

  /** Σ_o m_o log m_o with m_o = Σ_d w_d P(o | d). */
  private static double marginalTerm(Start start, double[][] outcomes) {
    int[] candidates = start.candidates();
    double[] w = start.weight();
    double marginal = 0;
    for (double[] row : outcomes) {
      double m = 0;
      for (int i = 0; i < candidates.length; i++) {
        m += w[i] * row[candidates[i]];
      }
      if (m > 0) {
        marginal += m * Math.log(m);
      }
    }
    return marginal;
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

  /**
   * Indices of the diseases whose probability is at least {@code floor}, at most {@code max}, best first (ties by
   * index); the first is kept whatever its probability. A bounded insertion over the diseases, not a sort of all of
   * them (a rare differential has ≈ 12,600).
   */
  public static int[] candidates(double[] posterior, double floor, int max) {
    int[] top = new int[Math.max(0, Math.min(max, posterior.length))];
    int n = 0;
    for (int d = 0; d < posterior.length && top.length > 0; d++) {
      double p = posterior[d];
      if (n == top.length && !(p > posterior[top[n - 1]])) {
        continue;
      }
      int i = n < top.length ? n++ : n - 1;
      while (i > 0 && p > posterior[top[i - 1]]) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = d;
    }
    int kept = Math.min(n, 1);
    while (kept < n && posterior[top[kept]] >= floor) {
      kept++;
    }
    return java.util.Arrays.copyOf(top, kept);
  }
}
