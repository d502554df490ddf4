package org.detecta.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stored form of a common-disease model: a JSON document holding the {@link ModelHeader} (encoding with its
 * condition profiles, calibration temperature, class order), the optional projection (plain numbers) and the
 * classifier in Tribuo's own protobuf format (base64). No Java serialization anywhere: the artifact can be
 * inspected and loaded safely. Version 2 added the condition profiles; version 1 still loads (no profiles).
 */
public record CommonModelArtifact(String name, String spec, FeatureSpace features, Optional<AffineProjection> projection,
                                  double temperature, List<String> classes, byte[] tribuoModel) {
  public static final String FORMAT = "detecta-common-model/2";
  static final Set<String> READABLE = Set.of("detecta-common-model/1", FORMAT);

  public CommonModelArtifact {
    classes = List.copyOf(classes);
  }

  public byte[] toBytes() {
    ObjectNode root = new ModelHeader(name, spec, features, temperature, classes).write(FORMAT);
    projection.ifPresent(p -> {
      ObjectNode node = root.putObject("projection");
      node.set("weights", ModelHeader.JSON.valueToTree(p.weights()));
      node.set("offset", ModelHeader.JSON.valueToTree(p.offset()));
    });
    root.put("tribuoModel", Base64.getEncoder().encodeToString(tribuoModel));
    return ModelHeader.bytes(root);
  }

  public static CommonModelArtifact fromBytes(byte[] bytes) throws IOException {
    JsonNode root = ModelHeader.JSON.readTree(bytes);
    ModelHeader header = ModelHeader.read(root, READABLE);
    Optional<AffineProjection> projection = Optional.empty();
    if (root.has("projection")) {
      projection = Optional.of(new AffineProjection(
          ModelHeader.JSON.treeToValue(root.path("projection").path("weights"), double[][].class),
          ModelHeader.JSON.treeToValue(root.path("projection").path("offset"), double[].class)));
    }
    return new CommonModelArtifact(header.name(), header.spec(), header.features(), projection, header.temperature(),
        header.classes(), Base64.getDecoder().decode(root.path("tribuoModel").asText()));
  }
}
