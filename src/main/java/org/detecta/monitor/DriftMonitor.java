package org.detecta.monitor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a window of logged predictions with the reference: PSI and chi-square for the mix of
 * findings (present and absent mentions, keyed "+id" / "-id") and for the predicted (top-1) classes.
 */
public final class DriftMonitor {
  private final DriftThresholds thresholds;

  public DriftMonitor(DriftThresholds thresholds) {
    this.thresholds = thresholds;
  }

  public DriftReport compare(DriftReference reference, List<LoggedPrediction> window) {
    Map<String, Integer> findings = findingCounts(window);
    Map<String, Integer> classes = classCounts(window);
    double epsilon = 0.5 / Math.max(1, window.size());
    double findingPsi = Distributions.psi(reference.findings(), Distributions.proportions(findings), epsilon);
    double classPsi = Distributions.psi(reference.classes(), Distributions.proportions(classes), epsilon);
    Distributions.ChiSquare findingChi = Distributions.chiSquare(reference.findings(), findings);
    Distributions.ChiSquare classChi = Distributions.chiSquare(reference.classes(), classes);
    boolean enough = window.size() >= thresholds.minWindow();
    boolean alarm = enough && (findingPsi > thresholds.psi() || classPsi > thresholds.psi()
        || findingChi.pValue() < thresholds.alpha() || classChi.pValue() < thresholds.alpha());
    return new DriftReport(window.size(), reference.source(), findingPsi, findingChi, classPsi, classChi, alarm,
        enough, Distributions.proportions(findings), Distributions.proportions(classes));
  }

  static Map<String, Integer> findingCounts(List<LoggedPrediction> window) {
    Map<String, Integer> counts = new HashMap<>();
    for (LoggedPrediction p : window) {
      p.observed().forEach(f -> counts.merge("+" + f, 1, Integer::sum));
      p.excluded().forEach(f -> counts.merge("-" + f, 1, Integer::sum));
    }
    return counts;
  }

  static Map<String, Integer> classCounts(List<LoggedPrediction> window) {
    Map<String, Integer> counts = new HashMap<>();
    for (LoggedPrediction p : window) {
      counts.merge(p.topId().isEmpty() ? "none" : p.topId(), 1, Integer::sum);
    }
    return counts;
  }

  /** The outcome for one window; {@code enough} is false when the window is smaller than the minimum. */
  public record DriftReport(int window, String referenceSource, double findingPsi, Distributions.ChiSquare findingChi,
                            double classPsi, Distributions.ChiSquare classChi, boolean alarm, boolean enough,
                            Map<String, Double> currentFindings, Map<String, Double> currentClasses) {
  }
}
