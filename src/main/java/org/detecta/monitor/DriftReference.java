package org.detecta.monitor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What "normal" looks like for a model: the share of each finding among all findings mentioned and the
 * share of each predicted class. Taken from the model version's metadata ({@code reference.findings},
 * {@code reference.classes}: id → proportion; also read from {@code parameters.reference}, which a family
 * can fill today through {@link org.detecta.pipeline.TrainedModel#parameters()}; finding keys are
 * {@code +id} for present and {@code -id} for absent mentions) when training wrote it, else from the first window of
 * logged predictions of that version ({@code source} says which).
 */
public record DriftReference(Map<String, Double> findings, Map<String, Double> classes, String source) {
  public DriftReference {
    findings = Map.copyOf(findings);
    classes = Map.copyOf(classes);
  }

  public static Optional<DriftReference> fromMetadata(JsonNode metadata) {
    JsonNode ref = metadata.path("reference").isObject() ? metadata.path("reference")
        : metadata.path("parameters").path("reference");
    if (!ref.path("findings").isObject() || ref.path("findings").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DriftReference(read(ref.path("findings")), read(ref.path("classes")), "training"));
  }

  public static DriftReference fromWindow(List<LoggedPrediction> window) {
    return new DriftReference(Distributions.proportions(DriftMonitor.findingCounts(window)),
        Distributions.proportions(DriftMonitor.classCounts(window)), "first-window");
  }

  private static Map<String, Double> read(JsonNode node) {
    Map<String, Double> out = new HashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
    return Distributions.proportions(out);
  }
}
