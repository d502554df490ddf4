package org.detecta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.detecta.cli.ServeCommand;
import org.detecta.serve.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment files agree with the server: container ports, probe paths (asked of a running server), the
 * environment variables (documented in the README's configuration table, read by the code, set by the
 * manifests), secrets, volumes, the training Job, the autoscaler, and the Compose start order.
 */
class DeploymentManifestsTest {
  private static final Pattern VARIABLE = Pattern.compile("DETECTA_[A-Z0-9_]*[A-Z0-9]");
  private static final String SECRET = "detecta-secrets";
  @TempDir
  static Path tmp;
  static TestServer server;
  static Manifests manifests;

  @BeforeAll
  static void start() throws Exception {
    manifests = Manifests.load();
    server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The port `detecta serve` listens on without flags (its picocli default, "${env:DETECTA_PORT:-5000}"). */
  static int serverPort() throws Exception {
    String spec = ServeCommand.class.getDeclaredField("port").getAnnotation(Option.class).defaultValue();
    Matcher m = Pattern.compile(":-(\\d+)}").matcher(spec);
    assertTrue(m.find(), spec);
    return Integer.parseInt(m.group(1));
  }

  static String read(String file) throws IOException {
    return Files.readString(Manifests.ROOT.resolve(file));
  }

  @Test
  void everyManifestParsesAndHasKindAndName() {
    assertTrue(manifests.kubernetes().size() >= 10, "too few Kubernetes documents: " + manifests.kubernetes().size());
    for (JsonNode doc : manifests.kubernetes()) {
      assertFalse(doc.path("apiVersion").asText().isEmpty(), doc.toString());
      assertFalse(doc.path("kind").asText().isEmpty(), doc.toString());
      assertFalse(doc.path("metadata").path("name").asText().isEmpty(), doc.toString());
    }
    for (String kind : List.of("Deployment", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim", "Job",
        "HorizontalPodAutoscaler")) {
      assertFalse(manifests.ofKind(kind).isEmpty(), "deploy/k8s has no " + kind);
    }
  }

  @Test
  void backendPortsAndProbesMatchTheServer() throws Exception {
    int port = serverPort();
    JsonNode backend = manifests.require("Deployment", "detecta-backend");
    JsonNode container = Manifests.podSpec(backend).path("containers").get(0);
    assertEquals(port, container.path("ports").get(0).path("containerPort").asInt());
    assertEquals(List.of("serve", "--port", Integer.toString(port)), strings(container.path("args")));
    List<String> routes = server.server.http().routes();
    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      JsonNode get = container.path(probe).path("httpGet");
      assertEquals(port, get.path("port").asInt(), probe);
      String path = get.path("path").asText();
      assertTrue(routes.contains("GET " + path), probe + " " + path + " is not a route: " + routes);
      assertEquals(200, server.get(path).statusCode(), probe + " " + path + " on a ready server");
    }
    assertEquals("/v2/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
    assertEquals("/v2/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());

    JsonNode service = manifests.require("Service", "backend"); // nginx.conf: upstream backend:PORT
    assertEquals(backend.path("spec").path("selector").path("matchLabels"), service.path("spec").path("selector"));
    assertEquals(port, service.path("spec").path("ports").get(0).path("targetPort").asInt());
    String nginx = read("nginx.conf");
    assertTrue(nginx.contains("server backend:" + service.path("spec").path("ports").get(0).path("port").asInt() + ";"),
        "nginx.conf upstream does not point at the backend Service port");

    String dockerfile = read("Dockerfile");
    assertTrue(dockerfile.contains("EXPOSE " + port), "Dockerfile EXPOSE");
    assertTrue(dockerfile.contains("http://127.0.0.1:" + port + "/v2/health/ready"), "Dockerfile HEALTHCHECK");
    assertTrue(dockerfile.contains("CMD [\"serve\", \"--port\", \"" + port + "\"]"), "Dockerfile CMD");
  }

  @Test
  void frontendListensWhereNginxListensAndProxiesTheApi() throws Exception {
    Matcher listen = Pattern.compile("listen (\\d+);").matcher(read("nginx.conf"));
    assertTrue(listen.find());
    int port = Integer.parseInt(listen.group(1));
    JsonNode frontend = manifests.require("Deployment", "detecta-frontend");
    JsonNode container = Manifests.podSpec(frontend).path("containers").get(0);
    assertEquals(port, container.path("ports").get(0).path("containerPort").asInt());
    assertEquals(port, container.path("readinessProbe").path("httpGet").path("port").asInt());
    JsonNode service = manifests.require("Service", "detecta-frontend");
    assertEquals(frontend.path("spec").path("selector").path("matchLabels"), service.path("spec").path("selector"));
    assertEquals(port, service.path("spec").path("ports").get(0).path("targetPort").asInt());
    assertTrue(read("Dockerfile.frontend").contains("EXPOSE " + port));
    assertEquals(List.of(port + ":" + port), strings(manifests.compose().path("services").path("frontend").path("ports")));
    assertTrue(read("nginx.conf").contains("location ~ ^/(api|v2|metrics|openapi\\.json)"), "nginx must proxy the API");
  }

  @Test
  void environmentVariablesAreDocumentedReadByTheCodeAndSetByTheDeployments() throws Exception {
    Set<String> documented = documented(false);
    Set<String> inCode = readByCode();
    assertEquals(inCode, documented, "README configuration table vs variables the code reads");

    Set<String> used = new TreeSet<>();
    for (JsonNode c : manifests.containers()) {
      c.path("env").forEach(e -> used.add(e.path("name").asText()));
      c.path("env").forEach(e -> used.add(e.path("valueFrom").path("secretKeyRef").path("key").asText()));
    }
    manifests.ofKind("ConfigMap").forEach(m -> m.path("data").fieldNames().forEachRemaining(used::add));
    manifests.ofKind("Secret").forEach(m -> m.path("stringData").fieldNames().forEachRemaining(used::add));
    manifests.compose().path("services").forEach(s -> s.path("environment").fieldNames().forEachRemaining(used::add));
    used.removeIf(v -> !v.startsWith("DETECTA_"));
    TreeSet<String> unknown = new TreeSet<>(used);
    unknown.removeAll(documented);
    assertTrue(unknown.isEmpty(), "deployment sets undocumented variables " + unknown);

    // required ones reach the backend in both deployments
    Set<String> backendK8s = new TreeSet<>(configMapKeys());
    Manifests.podSpec(manifests.require("Deployment", "detecta-backend")).path("containers").get(0).path("env")
        .forEach(e -> backendK8s.add(e.path("name").asText()));
    Set<String> backendCompose = new TreeSet<>();
    manifests.compose().path("services").path("backend").path("environment").fieldNames().forEachRemaining(backendCompose::add);
    for (String required : documented(true)) {
      assertTrue(backendK8s.contains(required), "Kubernetes backend does not set required " + required);
      assertTrue(backendCompose.contains(required), "Compose backend does not set required " + required);
    }
  }

  @Test
  void secretsAreReferencedNeverWrittenInline() {
    JsonNode backend = Manifests.podSpec(manifests.require("Deployment", "detecta-backend")).path("containers").get(0);
    for (String key : List.of("DETECTA_DB_PASSWORD", "DETECTA_ADMIN_TOKEN")) {
      JsonNode ref = envEntry(backend, key).path("valueFrom").path("secretKeyRef");
      assertEquals(SECRET, ref.path("name").asText(), key);
      assertEquals(key, ref.path("key").asText(), key);
      assertTrue(manifests.require("Secret", SECRET).path("stringData").has(key), "secret.example.yaml documents " + key);
    }
    JsonNode job = Manifests.podSpec(manifests.require("Job", "detecta-train")).path("containers").get(0);
    assertEquals(SECRET, envEntry(job, "DETECTA_DB_PASSWORD").path("valueFrom").path("secretKeyRef").path("name").asText());
    for (JsonNode c : manifests.containers()) {
      for (JsonNode e : c.path("env")) {
        String name = e.path("name").asText();
        if (name.contains("PASSWORD") || name.contains("TOKEN")) {
          assertTrue(e.path("value").isMissingNode(), name + " is written inline in " + c.path("name").asText());
        }
      }
    }
    manifests.ofKind("ConfigMap").forEach(m -> m.path("data").fieldNames().forEachRemaining(k ->
        assertFalse(k.contains("PASSWORD") || k.contains("TOKEN"), "secret " + k + " in a ConfigMap")));
    manifests.require("Secret", SECRET).path("stringData").forEach(v ->
        assertTrue(v.asText().startsWith("<"), "secret.example.yaml must hold placeholders only, found a value"));
    manifests.compose().path("services").forEach(s -> s.path("environment").fields().forEachRemaining(e -> {
      if (e.getKey().contains("PASSWORD") || e.getKey().contains("TOKEN")) {
        assertTrue(e.getValue().asText().startsWith("${" + e.getKey() + ":?")
                || e.getValue().asText().startsWith("${DETECTA_DB_PASSWORD:?"),
            "Compose must take " + e.getKey() + " from the environment, was " + e.getValue());
      }
    }));
  }

  @Test
  void volumesJobAndAutoscaler() {
    Set<String> claims = new TreeSet<>();
    manifests.ofKind("PersistentVolumeClaim").forEach(c -> claims.add(c.path("metadata").path("name").asText()));
    for (String kind : List.of("Deployment", "Job")) {
      for (JsonNode w : manifests.ofKind(kind)) {
        for (JsonNode v : Manifests.podSpec(w).path("volumes")) {
          String claim = v.path("persistentVolumeClaim").path("claimName").asText();
          assertTrue(claims.contains(claim), w.path("metadata").path("name").asText() + " mounts unknown claim " + claim);
        }
      }
    }
    JsonNode backend = manifests.require("Deployment", "detecta-backend");
    JsonNode job = manifests.require("Job", "detecta-train");
    assertEquals(Manifests.podSpec(backend).path("volumes"), Manifests.podSpec(job).path("volumes"),
        "the training Job must write the artifacts where the backend reads them");
    JsonNode trainer = Manifests.podSpec(job).path("containers").get(0);
    assertEquals(Manifests.podSpec(backend).path("containers").get(0).path("image"), trainer.path("image"));
    assertTrue(String.join(" ", strings(trainer.path("command"))).matches(".*\\bdetecta train\\b.*"), trainer.toString());
    assertEquals("ReadWriteMany", manifests.require("PersistentVolumeClaim", "detecta-home").path("spec")
        .path("accessModes").get(0).asText(), "several backend replicas share the home volume");

    JsonNode hpa = manifests.ofKind("HorizontalPodAutoscaler").get(0).path("spec");
    assertEquals("Deployment", hpa.path("scaleTargetRef").path("kind").asText());
    assertEquals("detecta-backend", hpa.path("scaleTargetRef").path("name").asText());
    assertTrue(hpa.path("minReplicas").asInt() >= 1 && hpa.path("minReplicas").asInt() <= hpa.path("maxReplicas").asInt());
    assertFalse(Manifests.podSpec(backend).path("containers").get(0).path("resources").path("requests").path("cpu")
        .isMissingNode(), "a CPU-utilisation autoscaler needs CPU requests");
  }

  @Test
  void composeTrainsFirstThenServesWhenReady() throws Exception {
    JsonNode services = manifests.compose().path("services");
    assertTrue(String.join(" ", strings(services.path("trainer").path("entrypoint"))).matches(".*\\bdetecta train\\b.*"));
    JsonNode backend = services.path("backend");
    assertEquals("service_completed_successfully", backend.path("depends_on").path("trainer").path("condition").asText());
    assertEquals("service_healthy", backend.path("depends_on").path("db").path("condition").asText());
    assertEquals("service_healthy", services.path("frontend").path("depends_on").path("backend").path("condition").asText());
    assertTrue(backend.path("healthcheck").path("test").toString().contains("/v2/health/ready"), backend.toString());
    assertEquals(List.of(serverPort() + ":" + serverPort()), strings(backend.path("ports")));
    assertTrue(manifests.compose().path("volumes").has("pgdata"));
    assertTrue(strings(services.path("db").path("volumes")).stream().anyMatch(v -> v.startsWith("pgdata:")));
    // the image reports the commit it was built from (BuildInfo), passed as a build argument
    for (String service : List.of("trainer", "backend")) {
      assertTrue(services.path(service).path("build").path("args").has("GIT_COMMIT"), service + " build args");
    }
    String dockerfile = read("Dockerfile");
    assertTrue(dockerfile.contains("ARG GIT_COMMIT") && dockerfile.contains("-Dgit.commit.id=${GIT_COMMIT}"), dockerfile);
  }

  private static JsonNode envEntry(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (name.equals(e.path("name").asText())) {
        return e;
      }
    }
    throw new AssertionError(container.path("name").asText() + " does not set " + name);
  }

  private static Set<String> configMapKeys() {
    Set<String> keys = new TreeSet<>();
    manifests.require("ConfigMap", "detecta-config").path("data").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Variables in the first column of the README's configuration table (only the required rows if asked). */
  static Set<String> documented(boolean requiredOnly) throws IOException {
    String readme = read("README.md");
    int start = readme.indexOf("## Configuration");
    assertTrue(start >= 0, "README has no '## Configuration' section");
    int end = readme.indexOf("\n## ", start + 3);
    Set<String> out = new TreeSet<>();
    for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
      String[] cells = line.split("\\|");
      if (line.startsWith("| `DETECTA_") && cells.length > 3 && (!requiredOnly || cells[3].contains("required"))) {
        Matcher m = VARIABLE.matcher(cells[1]);
        while (m.find()) {
          out.add(m.group());
        }
      }
    }
    return out;
  }

  /** Every DETECTA_* name in the main sources, resources and the container launcher. */
  static Set<String> readByCode() throws IOException {
    Set<String> out = new TreeSet<>();
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("src/main/java", "src/main/resources")) {
      try (Stream<Path> walk = Files.walk(Manifests.ROOT.resolve(dir))) {
        walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(java|xml)$")).forEach(files::add);
      }
    }
    files.add(Manifests.ROOT.resolve("deploy/detecta.sh"));
    for (Path f : files) {
      Matcher m = VARIABLE.matcher(Files.readString(f));
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }
}
