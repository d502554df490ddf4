package org.detecta.combined;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detecta.pipeline.ModelsConfig;

/**
 * {@code config/detecta.yaml} (prior, penalty, iterations) and the {@code detecta} section of
 * {@code config/requirements.yaml} (how much top-1 the combination may lose against each engine alone).
 */
public record CombinedConfig(double priorRare, List<Double> priorSensitivity, double l2, int iterations,
                             double maxTop1Drop, double maxLatencyMs, long maxModelBytes) {
  public CombinedConfig {
    WorldGate.priors(priorRare); // validates
    priorSensitivity = List.copyOf(priorSensitivity);
    if (!(l2 >= 0) || iterations < 1 || !(maxTop1Drop >= 0)) {
      throw new IllegalArgumentException("detecta.yaml: l2 must be >= 0, iterations >= 1, maxTop1Drop >= 0");
    }
  }

  public static CombinedConfig load(Path detectaYaml, Path requirementsYaml) throws IOException {
    JsonNode c = ModelsConfig.YAML.readTree(detectaYaml.toFile());
    JsonNode r = ModelsConfig.YAML.readTree(requirementsYaml.toFile()).path(CombinedModel.NAME);
    if (r.isMissingNode()) {
      throw new IllegalArgumentException(requirementsYaml + " has no section for model '" + CombinedModel.NAME + "'");
    }
    List<Double> sensitivity = new ArrayList<>();
    c.path("priorSensitivity").forEach(v -> sensitivity.add(number(v, detectaYaml, "priorSensitivity")));
    return new CombinedConfig(number(c.path("priorRare"), detectaYaml, "priorRare"), sensitivity,
        number(c.path("l2"), detectaYaml, "l2"), (int) number(c.path("iterations"), detectaYaml, "iterations"),
        number(r.path("maxTop1Drop"), requirementsYaml, "detecta.maxTop1Drop"),
        r.path("maxLatencyMs").asDouble(Double.MAX_VALUE), r.path("maxModelBytes").asLong(Long.MAX_VALUE));
  }

  private static double number(JsonNode node, Path file, String key) {
    if (!node.isNumber()) {
      throw new IllegalArgumentException(file + ": " + key + " must be a number, was " + (node.isMissingNode() ? "missing" : node));
    }
    return node.asDouble();
  }
}
