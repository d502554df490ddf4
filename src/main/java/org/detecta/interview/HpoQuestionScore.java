package org.detecta.interview;

/**
 * The expected information gain and the expected rise of the top probability of one HPO question, over the
 * interview's candidate diseases, in one pass. A term's answer rates depend only on p = max(P(t | d), background):
 * most candidates lack the term and share the background's rates and their Σ_o P(o) log P(o), so logarithms are
 * taken once per term and once per candidate showing it, not per (outcome, candidate). Equal to
 * {@link InformationGain#gain(double[], int[], double[][])} and {@link InformationGain#confidenceGain} on the same
 * tables (HpoInterviewReuseTest, HpoQuestionScoreTest).
 */
final class HpoQuestionScore {
  private final HpoAnswerRates rates;
  private final InformationGain.Start start;
  private final double[] reported;
  private final double reportedTop;
  private final double reportedSum;

  /**
   * @param rates how a case of each disease answers, as a function of p
   * @param start the flattened candidate weights the information gain is computed on
   * @param posterior the reported posterior over all diseases (the confidence term reads it)
   */
  HpoQuestionScore(HpoAnswerRates rates, InformationGain.Start start, double[] posterior) {
    this.rates = rates;
    this.start = start;
    int[] candidates = start.candidates();
    reported = new double[candidates.length];
    double top = 0;
    double sum = 0;
    for (int c = 0; c < candidates.length; c++) {
      reported[c] = posterior[candidates[c]];
      top = Math.max(top, reported[c]);
      sum += reported[c];
    }
    reportedTop = top;
    reportedSum = sum;
  }

  /** Gain (nats) and confidence rise of a term whose P(t | candidate c) is {@code probs[c]}. */
  record Score(double gain, double confidence) {
  }

  Score of(float[] probs, double background) {
    double yesBg = rates.yes(background);
    double noBg = rates.no(background);
    double selfBg = selfInformation(yesBg, noBg);
    double[] w = start.weight();
    double[] wLog = start.weightLog();
    double joint = 0;
    double mYes = 0;
    double mNo = 0;
    double mUnknown = 0;
    double topYes = 0;
    double topNo = 0;
    double topUnknown = 0;
    for (int c = 0; c < w.length; c++) {
      double yes = yesBg;
      double no = noBg;
      double self = selfBg;
      if (probs[c] > background) {
        yes = rates.yes(probs[c]);
        no = rates.no(probs[c]);
        self = selfInformation(yes, no);
      }
      double unknown = 1 - yes - no;
      joint -= wLog[c] + w[c] * self;
      mYes += w[c] * yes;
      mNo += w[c] * no;
      mUnknown += w[c] * unknown;
      topYes = Math.max(topYes, reported[c] * yes);
      topNo = Math.max(topNo, reported[c] * no);
      topUnknown = Math.max(topUnknown, reported[c] * unknown);
    }
    double gain = Math.max(0, start.entropy() - joint - xLogX(mYes) - xLogX(mNo) - xLogX(mUnknown));
    double confidence = reportedSum > 0 ? Math.max(0, (topYes + topNo + topUnknown - reportedTop) / reportedSum) : 0;
    return new Score(gain, confidence);
  }

  private static double selfInformation(double yes, double no) {
    return xLogX(yes) + xLogX(no) + xLogX(1 - yes - no);
  }

  private static double xLogX(double x) {
    return x > 0 ? x * Math.log(x) : 0;
  }
}
