package org.detecta.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stored form of a common-disease model: a JSON document holding the {@link ModelHeader} (encoding with its
 * condition profiles, calibration temperature, class order), the optional projection (plain numbers) and the
 * classifier under one key: {@code forest} (a {@link TreeEnsemble} as plain numbers), {@code vote} (a
 * {@link SoftVote}: weight and classifier of each member, stored the same way) or {@code tribuoModel} (any other Tribuo
 * model in Tribuo's own protobuf format, base64). No Java serialization anywhere: the artifact can be inspected and
 * loaded safely. An optional {@code reference} holds the reference-differential model ({@link CommonModel.Reference}:
 * weight and one softmax layer over the encoded features). Version 3 added {@code forest}, {@code vote} and
 * {@code reference}, version 2 the condition profiles; versions 1 and 2
 * (always {@code tribuoModel}) still load, version 1 without profiles.
 */
public record CommonModelArtifact(String name, String spec, FeatureSpace features, Optional<AffineProjection> projection,
                                  double temperature, List<String> classes, ProbabilisticClassifier classifier,
                                  Optional<CommonModel.Reference> reference) {
  public static final String FORMAT = "detecta-common-model/3";
  static final Set<String> READABLE = Set.of("detecta-common-model/1", "detecta-common-model/2", FORMAT);

  public CommonModelArtifact {
    classes = List.copyOf(classes);
    if (!storable(classifier)) {
      throw new IllegalArgumentException("no safe stored form for " + classifier.getClass().getSimpleName());
    }
  }

  /** A model whose classifier is a Tribuo model in its protobuf form. */
  public CommonModelArtifact(String name, String spec, FeatureSpace features, Optional<AffineProjection> projection,
                             double temperature, List<String> classes, byte[] tribuoModel) {
    this(name, spec, features, projection, temperature, classes,
        TribuoClassifier.fromBytes(tribuoModel, classes, inputs(projection, features)), Optional.empty());
  }

  /** True for a forest, a Tribuo model, and a vote of such. */
  static boolean storable(ProbabilisticClassifier classifier) {
    if (classifier instanceof SoftVote vote) {
      return vote.members().stream().allMatch(m -> storable(m.classifier()));
    }
    return classifier instanceof TreeEnsemble || classifier.libraryBytes().isPresent();
  }

  /**
   * The stored bytes of a fitted model: this format for a forest, a Tribuo model or a vote of those,
   * {@link DenseNetworkArtifact} for a dense network without projection (e.g. Bernoulli naive Bayes); empty when there
   * is no safe stored form (Smile's MLP).
   */
  public static Optional<byte[]> store(String name, String spec, FeatureSpace features,
                                       Optional<AffineProjection> projection, double temperature,
                                       List<String> classes, ProbabilisticClassifier classifier,
                                       Optional<CommonModel.Reference> reference) {
    if (classifier instanceof DenseNetwork network) {
      return projection.isPresent() || reference.isPresent() ? Optional.empty()
          : Optional.of(DenseNetworkArtifact.toBytes(name, spec, features, temperature, classes, network));
    }
    if (!storable(classifier)) {
      return Optional.empty();
    }
    return Optional.of(new CommonModelArtifact(name, spec, features, projection, temperature, classes, classifier, reference)
        .toBytes());
  }

  public byte[] toBytes() {
    ObjectNode root = new ModelHeader(name, spec, features, temperature, classes).write(FORMAT);
    projection.ifPresent(p -> {
      ObjectNode node = root.putObject("projection");
      node.set("weights", ModelHeader.JSON.valueToTree(p.weights()));
      node.set("offset", ModelHeader.JSON.valueToTree(p.offset()));
    });
    write(root, classifier);
    reference.ifPresent(r -> {
      ObjectNode node = root.putObject("reference");
      node.put("weight", r.weight());
      DenseNetwork.Layer layer = r.network().layers().get(0);
      node.set("weights", ModelHeader.JSON.valueToTree(layer.weights()));
      node.set("bias", ModelHeader.JSON.valueToTree(layer.bias()));
    });
    return ModelHeader.bytes(root);
  }

  private static void write(ObjectNode node, ProbabilisticClassifier classifier) {
    if (classifier instanceof TreeEnsemble forest) {
      node.set("forest", forest.toJson());
    } else if (classifier instanceof SoftVote vote) {
      ArrayNode members = node.putArray("vote");
      for (SoftVote.Member m : vote.members()) {
        ObjectNode member = members.addObject();
        member.put("weight", m.weight());
        write(member, m.classifier());
      }
    } else {
      node.put("tribuoModel", Base64.getEncoder().encodeToString(classifier.libraryBytes().orElseThrow()));
    }
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
    Optional<CommonModel.Reference> reference = Optional.empty();
    if (root.has("reference")) {
      JsonNode r = root.path("reference");
      double[][] weights = ModelHeader.JSON.treeToValue(r.path("weights"), double[][].class);
      double[] bias = ModelHeader.JSON.treeToValue(r.path("bias"), double[].class);
      int classes = header.classes().size();
      if (weights == null || bias == null || weights.length != classes || bias.length != classes
          || java.util.Arrays.stream(weights).anyMatch(w -> w.length != header.features().size())) {
        throw new IOException("corrupt reference model in artifact: expected " + classes + " x "
            + header.features().size() + " weights and " + classes + " biases");
      }
      reference = Optional.of(new CommonModel.Reference(new DenseNetwork(List.of(new DenseNetwork.Layer(weights, bias))),
          r.path("weight").asDouble()));
    }
    return new CommonModelArtifact(header.name(), header.spec(), header.features(), projection, header.temperature(),
        header.classes(), read(root, header.classes(), inputs(projection, header.features())), reference);
  }

  private static ProbabilisticClassifier read(JsonNode node, List<String> classes, int inputs) throws IOException {
    if (node.has("forest")) {
      TreeEnsemble forest = TreeEnsemble.fromJson(node.path("forest"), inputs);
      if (forest.classes() != classes.size()) {
        throw new IOException("corrupt tree ensemble in artifact: " + forest.classes() + " classes, header has " + classes.size());
      }
      return forest;
    }
    if (node.has("vote")) {
      List<SoftVote.Member> members = new ArrayList<>();
      for (JsonNode m : node.path("vote")) {
        members.add(new SoftVote.Member(m.path("weight").asDouble(), read(m, classes, inputs)));
      }
      return new SoftVote(members);
    }
    if (!node.path("tribuoModel").isTextual()) {
      throw new IOException("common model artifact holds no classifier (forest, vote or tribuoModel)");
    }
    return TribuoClassifier.fromBytes(Base64.getDecoder().decode(node.path("tribuoModel").asText()), classes, inputs);
  }

  /**
   * The classifier to score with: a loaded model only scores, so linear Tribuo models (also inside a vote) take the
   * equivalent dense fast path (checked against Tribuo when converted).
   */
  public ProbabilisticClassifier scoring() {
    return scoring(classifier);
  }

  private static ProbabilisticClassifier scoring(ProbabilisticClassifier classifier) {
    if (classifier instanceof TribuoClassifier tribuo) {
      return tribuo.asDenseNetwork().<ProbabilisticClassifier>map(n -> n).orElse(tribuo);
    }
    if (classifier instanceof SoftVote vote) {
      return new SoftVote(vote.members().stream().map(m -> new SoftVote.Member(m.weight(), scoring(m.classifier()))).toList());
    }
    return classifier;
  }

  private static int inputs(Optional<AffineProjection> projection, FeatureSpace features) {
    return projection.map(AffineProjection::outputs).orElse(features.size());
  }
}
