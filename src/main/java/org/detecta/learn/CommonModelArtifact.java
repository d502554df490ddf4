package org.detecta.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of a common-disease model: a JSON document holding the encoding, the optional projection
 * (plain numbers), the calibration temperature, the class order and the classifier in Tribuo's own protobuf
 * format (base64). No Java serialization anywhere: the artifact can be inspected and loaded safely.
 */
public record CommonModelArtifact(String name, String spec, FeatureSpace features, Optional<AffineProjection> projection,
                                  double temperature, List<String> classes, byte[] tribuoModel) {
  public static final String FORMAT = "detecta-common-model/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  public CommonModelArtifact {
    classes = List.copyOf(classes);
  }

  public byte[] toBytes() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("name", name);
    root.put("spec", spec);
    ObjectNode f = root.putObject("features");
    f.set("tokens", JSON.valueToTree(features.tokens()));
    f.set("scales", JSON.valueToTree(new java.util.TreeMap<>(features.scales())));
    f.put("demographics", features.demographics());
    projection.ifPresent(p -> {
      ObjectNode node = root.putObject("projection");
      node.set("weights", JSON.valueToTree(p.weights()));
      node.set("offset", JSON.valueToTree(p.offset()));
    });
    root.put("temperature", temperature);
    root.set("classes", JSON.valueToTree(classes));
    root.put("tribuoModel", Base64.getEncoder().encodeToString(tribuoModel));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CommonModelArtifact fromBytes(byte[] bytes) throws IOException {
    JsonNode root = JSON.readTree(bytes);
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("not a " + FORMAT + " artifact (format: " + (root == null ? "none" : root.path("format").asText()) + ")");
    }
    JsonNode f = root.path("features");
    List<String> tokens = new ArrayList<>();
    f.path("tokens").forEach(t -> tokens.add(t.asText()));
    Map<String, Double> scales = new LinkedHashMap<>();
    f.path("scales").fields().forEachRemaining(e -> scales.put(e.getKey(), e.getValue().asDouble()));
    Optional<AffineProjection> projection = Optional.empty();
    if (root.has("projection")) {
      projection = Optional.of(new AffineProjection(JSON.treeToValue(root.path("projection").path("weights"), double[][].class),
          JSON.treeToValue(root.path("projection").path("offset"), double[].class)));
    }
    List<String> classes = new ArrayList<>();
    ((ArrayNode) root.path("classes")).forEach(c -> classes.add(c.asText()));
    return new CommonModelArtifact(root.path("name").asText(), root.path("spec").asText(),
        new FeatureSpace(tokens, scales, f.path("demographics").asBoolean()), projection,
        root.path("temperature").asDouble(1.0), classes, Base64.getDecoder().decode(root.path("tribuoModel").asText()));
  }
}
