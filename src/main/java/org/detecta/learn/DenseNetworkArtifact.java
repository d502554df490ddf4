package org.detecta.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of a common-disease model whose classifier is a {@link DenseNetwork}: JSON with the encoding,
 * the calibration temperature, the class order and every layer's numbers. Loads as a {@link CommonModel}, so
 * serving, evaluation and batch scoring treat it like any other version.
 */
public final class DenseNetworkArtifact {
  public static final String FORMAT = "detecta-dense-network/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DenseNetworkArtifact() {
  }

  public static byte[] toBytes(String name, String spec, FeatureSpace features, double temperature, List<String> classes,
                               DenseNetwork network) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("name", name);
    root.put("spec", spec);
    ObjectNode f = root.putObject("features");
    f.set("tokens", JSON.valueToTree(features.tokens()));
    f.set("scales", JSON.valueToTree(new java.util.TreeMap<>(features.scales())));
    f.put("demographics", features.demographics());
    root.put("temperature", temperature);
    root.set("classes", JSON.valueToTree(classes));
    ArrayNode layers = root.putArray("layers");
    for (DenseNetwork.Layer layer : network.layers()) {
      ObjectNode node = layers.addObject();
      node.set("weights", JSON.valueToTree(layer.weights()));
      node.set("bias", JSON.valueToTree(layer.bias()));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when the bytes are this format (checked before the Tribuo-based format). */
  public static boolean recognises(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.UTF_8);
    return head.contains("\"" + FORMAT + "\"");
  }

  public static CommonModel load(byte[] bytes) throws IOException {
    JsonNode root = JSON.readTree(bytes);
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("not a " + FORMAT + " artifact");
    }
    JsonNode f = root.path("features");
    List<String> tokens = new ArrayList<>();
    f.path("tokens").forEach(t -> tokens.add(t.asText()));
    Map<String, Double> scales = new LinkedHashMap<>();
    f.path("scales").fields().forEachRemaining(e -> scales.put(e.getKey(), e.getValue().asDouble()));
    FeatureSpace space = new FeatureSpace(tokens, scales, f.path("demographics").asBoolean());
    List<String> classes = new ArrayList<>();
    root.path("classes").forEach(c -> classes.add(c.asText()));
    List<DenseNetwork.Layer> layers = new ArrayList<>();
    for (JsonNode layer : root.path("layers")) {
      layers.add(new DenseNetwork.Layer(JSON.treeToValue(layer.path("weights"), double[][].class),
          JSON.treeToValue(layer.path("bias"), double[].class)));
    }
    return new CommonModel(root.path("name").asText(), space, Optional.empty(), new DenseNetwork(layers),
        root.path("temperature").asDouble(1.0), classes);
  }
}
