package org.detecta.interview;

import java.util.List;

/**
 * How far the reported top probability is from the top-1 accuracy it claims, over simulated interviews: the
 * expected calibration error (equal-width bins of the top probability, |accuracy − mean probability| weighted
 * by the bin's share) over the states after 0..{@code maxStep} questions, and, at the stop, the mean top
 * probability next to the top-1 (what the threshold promises against what it gives).
 */
public record Calibration(double ece, int states, double stopProbability, double stopTop1) {
  public static Calibration of(List<InterviewSimulator.Trace> traces, int maxStep, int bins, double threshold, int stopBudget) {
    double[] conf = new double[bins];
    double[] right = new double[bins];
    int[] count = new int[bins];
    int states = 0;
    double stopP = 0;
    int stopRight = 0;
    for (InterviewSimulator.Trace t : traces) {
      for (int s = 0; s <= maxStep && s < t.topProbability().length; s++) {
        double p = t.topProbability()[s];
        int b = Math.min(bins - 1, (int) (p * bins));
        conf[b] += p;
        right[b] += t.rank()[s] == 1 ? 1 : 0;
        count[b]++;
        states++;
      }
      int stop = t.stopAt(threshold, stopBudget);
      stopP += t.topProbability()[stop];
      stopRight += t.rankAfter(stop) == 1 ? 1 : 0;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        ece += Math.abs(right[b] - conf[b]) / states;
      }
    }
    int n = Math.max(1, traces.size());
    return new Calibration(ece, states, stopP / n, stopRight / (double) n);
  }
}
