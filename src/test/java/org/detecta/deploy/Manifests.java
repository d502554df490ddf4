package org.detecta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The deployment files of the repository, parsed: every Kubernetes document under {@code deploy/k8s} and the
 * Compose file. SnakeYAML (safe constructor) resolves anchors and merge keys ({@code <<: *backend-env}) the way
 * Compose does; the result is a Jackson tree for easy navigation.
 */
record Manifests(List<JsonNode> kubernetes, JsonNode compose) {
  static final Path ROOT = Path.of(System.getProperty("user.dir"));
  private static final ObjectMapper JSON = new ObjectMapper();

  static Manifests load() throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
        for (Object doc : yaml().loadAll(Files.readString(file))) {
          if (doc != null) {
            docs.add(JSON.valueToTree(doc));
          }
        }
      }
    }
    return new Manifests(List.copyOf(docs), JSON.valueToTree(yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")))));
  }

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  List<JsonNode> ofKind(String kind) {
    return kubernetes.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  Optional<JsonNode> find(String kind, String name) {
    return ofKind(kind).stream().filter(named(name)).findFirst();
  }

  JsonNode require(String kind, String name) {
    return find(kind, name).orElseThrow(() -> new AssertionError("deploy/k8s has no " + kind + " named " + name
        + "; it has " + ofKind(kind).stream().map(d -> d.path("metadata").path("name").asText()).toList()));
  }

  static Predicate<JsonNode> named(String name) {
    return d -> name.equals(d.path("metadata").path("name").asText());
  }

  /** Pod spec of a Deployment or a Job. */
  static JsonNode podSpec(JsonNode workload) {
    return workload.path("spec").path("template").path("spec");
  }

  /** Every container of every workload (Deployments and Jobs). */
  List<JsonNode> containers() {
    List<JsonNode> out = new ArrayList<>();
    Stream.concat(ofKind("Deployment").stream(), ofKind("Job").stream())
        .forEach(w -> podSpec(w).path("containers").forEach(out::add));
    return out;
  }
}
