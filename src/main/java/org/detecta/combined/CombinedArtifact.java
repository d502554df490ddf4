package org.detecta.combined;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The stored form of {@code detecta}: JSON with the gate's weights and prior, the mapping rows it was trained
 * with (so a stored model keeps its mapping when the file changes), and the three component artifacts in
 * their own formats (base64). No Java serialization.
 */
public record CombinedArtifact(double[][] gateWeights, double[] prior, List<FindingMap.Row> mapping, byte[] rare,
                               byte[] ddxplus, byte[] kaggle) {
  public static final String FORMAT = "detecta-combined/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  public CombinedArtifact {
    mapping = List.copyOf(mapping);
  }

  public byte[] toBytes() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode gate = root.putObject("gate");
    gate.set("worlds", JSON.valueToTree(WorldGate.WORLDS));
    gate.set("features", JSON.valueToTree(WorldGate.FEATURES));
    gate.set("weights", JSON.valueToTree(gateWeights));
    gate.set("prior", JSON.valueToTree(prior));
    ArrayNode rows = root.putArray("mapping");
    for (FindingMap.Row r : mapping) {
      rows.add(JSON.createArrayNode().add(r.source()).add(r.finding()).add(r.hpo()).add(r.match()));
    }
    ObjectNode components = root.putObject("components");
    components.put("rare-phenotype", Base64.getEncoder().encodeToString(rare));
    components.put("ddxplus", Base64.getEncoder().encodeToString(ddxplus));
    components.put("kaggle-symptoms", Base64.getEncoder().encodeToString(kaggle));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CombinedArtifact fromBytes(byte[] bytes) throws IOException {
    JsonNode root = JSON.readTree(bytes);
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("not a " + FORMAT + " artifact (format: " + (root == null ? "none" : root.path("format").asText()) + ")");
    }
    JsonNode gate = root.path("gate");
    if (!JSON.treeToValue(gate.path("features"), List.class).equals(WorldGate.FEATURES)) {
      throw new IOException("the stored gate uses features " + gate.path("features") + ", this build computes "
          + WorldGate.FEATURES + ": retrain with ./detecta train --model detecta");
    }
    List<FindingMap.Row> mapping = new ArrayList<>();
    root.path("mapping").forEach(r -> mapping.add(new FindingMap.Row(r.get(0).asText(), r.get(1).asText(),
        r.get(2).asText(), r.get(3).asText())));
    JsonNode c = root.path("components");
    Base64.Decoder b64 = Base64.getDecoder();
    return new CombinedArtifact(JSON.treeToValue(gate.path("weights"), double[][].class),
        JSON.treeToValue(gate.path("prior"), double[].class), mapping, b64.decode(c.path("rare-phenotype").asText()),
        b64.decode(c.path("ddxplus").asText()), b64.decode(c.path("kaggle-symptoms").asText()));
  }
}
