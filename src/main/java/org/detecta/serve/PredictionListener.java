package org.detecta.serve;

/** Told about every prediction served (metrics); must be cheap and never throw. */
@FunctionalInterface
public interface PredictionListener {
  void predicted(String model, int version, String topClass, double latencyMs);
}
