package org.detecta.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import org.detecta.cases.PatientCase;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.TreeMap;

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
  /**
   * Where trainers put the reference: {@code TrainedModel.parameters().get("reference")}; the registry moves it
   * to {@code metadata.reference} of the version (see {@link #toMetadata}).
   */
  public static final String KEY = org.detecta.pipeline.TrainedModel.DRIFT_REFERENCE;

  public DriftReference {
    findings = Map.copyOf(findings);
    classes = Map.copyOf(classes);
  }

  /** The reference of training cases: each case's first diagnosis is its class. */
  public static DriftReference ofCases(Collection<PatientCase> cases) {
    Builder builder = new Builder();
    for (PatientCase c : cases) {
      builder.add(c.observed(), c.excluded(), c.diagnoses().isEmpty() ? "none" : c.diagnoses().get(0));
    }
    return builder.build();
  }

  /**
   * The JSON-ready form stored in the model version's metadata: {@code {"findings": {"+id": share},
   * "classes": {"id": share}, "source": "training"}}, shares rounded to 6 significant digits.
   */
  public Map<String, Object> toMetadata() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("findings", rounded(findings));
    out.put("classes", rounded(classes));
    out.put("source", source);
    return out;
  }

  private static Map<String, Double> rounded(Map<String, Double> shares) {
    Map<String, Double> out = new TreeMap<>();
    shares.forEach((k, v) -> out.put(k, new BigDecimal(v).round(new MathContext(6)).doubleValue()));
    return out;
  }

  /** Counts findings and classes case by case (any training data shape), then {@link #build}s the shares. */
  public static final class Builder {
    private final Map<String, Integer> findings = new HashMap<>();
    private final Map<String, Integer> classes = new HashMap<>();

    /** One training case, in the model's input names (what the server logs after resolving findings). */
    public Builder add(Collection<String> observed, Collection<String> excluded, String diagnosis) {
      observed.forEach(f -> findings.merge("+" + f, 1, Integer::sum));
      excluded.forEach(f -> findings.merge("-" + f, 1, Integer::sum));
      classes.merge(diagnosis, 1, Integer::sum);
      return this;
    }

    public DriftReference build() {
      return new DriftReference(Distributions.proportions(findings), Distributions.proportions(classes), "training");
    }
  }

  public static Optional<DriftReference> fromMetadata(JsonNode metadata) {
    JsonNode ref = metadata.path(KEY).isObject() ? metadata.path(KEY) : metadata.path("parameters").path(KEY);
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
