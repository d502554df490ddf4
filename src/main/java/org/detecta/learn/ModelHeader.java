package org.detecta.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every stored common-disease model starts with, whatever holds its classifier: format, name, spec, the
 * feature space (tokens, numeric scales, demographics, condition profiles), the calibration temperature and the
 * class order. {@link CommonModelArtifact} and {@link DenseNetworkArtifact} write and read it through here.
 * Format version 1 had no condition profiles; reading it gives {@link ConditionProfiles#NONE}, its old behaviour.
 */
record ModelHeader(String name, String spec, FeatureSpace features, double temperature, List<String> classes) {
  static final ObjectMapper JSON = new ObjectMapper();

  ModelHeader {
    classes = List.copyOf(classes);
  }

  /** A JSON root holding the header under {@code format}; the caller adds its classifier. */
  ObjectNode write(String format) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", format);
    root.put("name", name);
    root.put("spec", spec);
    ObjectNode f = root.putObject("features");
    f.set("tokens", JSON.valueToTree(features.tokens()));
    f.set("scales", JSON.valueToTree(new TreeMap<>(features.scales())));
    f.put("demographics", features.demographics());
    if (!features.profiles().isEmpty()) {
      f.set("profiles", JSON.valueToTree(features.profiles().evidences()));
    }
    root.put("temperature", temperature);
    root.set("classes", JSON.valueToTree(classes));
    return root;
  }

  /** The header of a stored model whose format is one of {@code formats}; anything else is refused. */
  static ModelHeader read(JsonNode root, Set<String> formats) throws IOException {
    String format = root == null ? "none" : root.path("format").asText();
    if (!formats.contains(format)) {
      throw new IOException("not a " + String.join(" or ", new java.util.TreeSet<>(formats)) + " artifact (format: "
          + format + "); retrain the model with this version of Detecta");
    }
    JsonNode f = root.path("features");
    List<String> tokens = new ArrayList<>();
    f.path("tokens").forEach(t -> tokens.add(t.asText()));
    Map<String, Double> scales = new LinkedHashMap<>();
    f.path("scales").fields().forEachRemaining(e -> scales.put(e.getKey(), e.getValue().asDouble()));
    Map<String, Set<String>> profiles = new LinkedHashMap<>();
    f.path("profiles").fields().forEachRemaining(e -> {
      List<String> shown = new ArrayList<>();
      e.getValue().forEach(v -> shown.add(v.asText()));
      profiles.put(e.getKey(), Set.copyOf(shown));
    });
    List<String> classes = new ArrayList<>();
    root.path("classes").forEach(c -> classes.add(c.asText()));
    FeatureSpace space = new FeatureSpace(tokens, scales, f.path("demographics").asBoolean(), new ConditionProfiles(profiles));
    return new ModelHeader(root.path("name").asText(), root.path("spec").asText(), space,
        root.path("temperature").asDouble(1.0), classes);
  }

  static byte[] bytes(JsonNode root) {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
