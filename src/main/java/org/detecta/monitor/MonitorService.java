package org.detecta.monitor;

import org.detecta.registry.ModelVersion;

import java.util.List;
import java.util.Optional;

/**
 * Monitoring of one served model version: drift of its latest window against its reference, and live
 * accuracy from clinicians' confirmed diagnoses. When the reference comes from the first logged window,
 * drift is only judged once a second, disjoint window exists (else the window would be compared with itself).
 */
public final class MonitorService {
  private final PredictionLog log;
  private final DriftMonitor drift;
  private final int windowSize;

  public MonitorService(PredictionLog log, DriftThresholds thresholds, int windowSize) {
    this.log = log;
    this.drift = new DriftMonitor(thresholds);
    this.windowSize = windowSize;
  }

  public Assessment assess(ModelVersion version) {
    List<LoggedPrediction> recent = log.recent(version.name(), version.version(), windowSize);
    Optional<DriftReference> reference = DriftReference.fromMetadata(version.metadata());
    if (reference.isEmpty()) {
      List<LoggedPrediction> first = log.first(version.name(), version.version(), windowSize);
      java.util.Set<String> firstIds = new java.util.HashSet<>(first.stream().map(LoggedPrediction::id).toList());
      recent = recent.stream().filter(p -> !firstIds.contains(p.id())).toList();
      reference = first.size() >= windowSize ? Optional.of(DriftReference.fromWindow(first)) : Optional.empty();
    }
    List<LoggedPrediction> window = recent;
    Optional<DriftMonitor.DriftReport> report = reference.map(r -> drift.compare(r, window));
    return new Assessment(version, reference, report, LiveAccuracy.of(log.feedback(version.name(), windowSize)));
  }

  /** Drift (empty until there is a reference) and live accuracy of one model version. */
  public record Assessment(ModelVersion version, Optional<DriftReference> reference,
                           Optional<DriftMonitor.DriftReport> drift, LiveAccuracy accuracy) {
  }
}
