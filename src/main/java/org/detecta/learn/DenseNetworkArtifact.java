package org.detecta.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stored form of a common-disease model whose classifier is a {@link DenseNetwork}: JSON with the
 * {@link ModelHeader} (encoding, calibration temperature, class order) and every layer's numbers. Loads as a
 * {@link CommonModel}, so serving, evaluation and batch scoring treat it like any other version. Version 2 added
 * the condition profiles; version 1 still loads (no profiles).
 */
public final class DenseNetworkArtifact {
  public static final String FORMAT = "detecta-dense-network/2";
  private static final Set<String> READABLE = Set.of("detecta-dense-network/1", FORMAT);

  private DenseNetworkArtifact() {
  }

  public static byte[] toBytes(String name, String spec, FeatureSpace features, double temperature, List<String> classes,
                               DenseNetwork network) {
    ObjectNode root = new ModelHeader(name, spec, features, temperature, classes).write(FORMAT);
    ArrayNode layers = root.putArray("layers");
    for (DenseNetwork.Layer layer : network.layers()) {
      ObjectNode node = layers.addObject();
      node.set("weights", ModelHeader.JSON.valueToTree(layer.weights()));
      node.set("bias", ModelHeader.JSON.valueToTree(layer.bias()));
    }
    return ModelHeader.bytes(root);
  }

  /** True when the bytes are this format, any version (checked before the Tribuo-based format). */
  public static boolean recognises(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.UTF_8);
    return READABLE.stream().anyMatch(format -> head.contains("\"" + format + "\""));
  }

  public static CommonModel load(byte[] bytes) throws IOException {
    JsonNode root = ModelHeader.JSON.readTree(bytes);
    ModelHeader header = ModelHeader.read(root, READABLE);
    List<DenseNetwork.Layer> layers = new ArrayList<>();
    for (JsonNode layer : root.path("layers")) {
      layers.add(new DenseNetwork.Layer(ModelHeader.JSON.treeToValue(layer.path("weights"), double[][].class),
          ModelHeader.JSON.treeToValue(layer.path("bias"), double[].class)));
    }
    return new CommonModel(header.name(), header.features(), Optional.empty(), new DenseNetwork(layers),
        header.temperature(), header.classes());
  }
}
