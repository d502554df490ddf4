package org.detecta.monitor;

import java.util.List;

/** Accuracy against confirmed diagnoses: share of feedback whose diagnosis was ranked first / in the top 3. */
public record LiveAccuracy(int confirmed, double top1, double top3) {
  public static LiveAccuracy of(List<PredictionLog.Feedback> feedback) {
    if (feedback.isEmpty()) {
      return new LiveAccuracy(0, Double.NaN, Double.NaN);
    }
    int top1 = 0;
    int top3 = 0;
    for (PredictionLog.Feedback f : feedback) {
      for (int i = 0; i < Math.min(3, f.output().size()); i++) {
        if (f.output().get(i).id().equals(f.confirmed())) {
          top3++;
          if (i == 0) {
            top1++;
          }
          break;
        }
      }
    }
    return new LiveAccuracy(feedback.size(), (double) top1 / feedback.size(), (double) top3 / feedback.size());
  }
}
