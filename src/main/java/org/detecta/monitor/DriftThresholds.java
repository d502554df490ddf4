package org.detecta.monitor;

import java.util.Map;

/**
 * When drift raises an alarm: PSI above {@code psi} (default 0.25) for the finding mix or the predicted
 * classes, or a chi-square p-value below {@code alpha} (default 0.001), over windows of at least
 * {@code minWindow} predictions (default 200). From {@code DETECTA_DRIFT_PSI}, {@code DETECTA_DRIFT_ALPHA},
 * {@code DETECTA_DRIFT_MIN_WINDOW}.
 */
public record DriftThresholds(double psi, double alpha, int minWindow) {
  public DriftThresholds {
    if (!(psi > 0) || !(alpha > 0 && alpha < 1) || minWindow < 1) {
      throw new IllegalArgumentException("Drift thresholds need psi > 0, 0 < alpha < 1, minWindow >= 1; got "
          + psi + ", " + alpha + ", " + minWindow);
    }
  }

  public static DriftThresholds defaults() {
    return new DriftThresholds(0.25, 0.001, 200);
  }

  public static DriftThresholds fromEnv(Map<String, String> env) {
    DriftThresholds d = defaults();
    return new DriftThresholds(Double.parseDouble(env.getOrDefault("DETECTA_DRIFT_PSI", Double.toString(d.psi()))),
        Double.parseDouble(env.getOrDefault("DETECTA_DRIFT_ALPHA", Double.toString(d.alpha()))),
        Integer.parseInt(env.getOrDefault("DETECTA_DRIFT_MIN_WINDOW", Integer.toString(d.minWindow()))));
  }
}
