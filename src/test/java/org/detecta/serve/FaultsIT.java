package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.detecta.pipeline.ModelCatalog;
import org.detecta.registry.ArtifactStore;
import org.detecta.registry.CorruptArtifactException;
import org.detecta.registry.Database;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import org.detecta.registry.PostgresServer;
import org.detecta.registry.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults while serving: PostgreSQL stops and comes back (diagnoses continue, writes answer 503 with a clear
 * message, everything recovers), a corrupted artifact is refused (the served version stays), and a full disk
 * while writing an artifact leaves no partial file and no registry row (a real 1 MiB tmpfs).
 */
class FaultsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "faults-admin-token";
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void databaseStopsWhileServingThenComesBack(@TempDir Path tmp) throws Exception {
    try (PostgresServer postgres = PostgresServer.start()) {
      DatabaseConfig db = postgres.newDatabase();
      ModelRegistry registry = new ModelRegistry(Database.open(db), new ArtifactStore(tmp.resolve("artifacts")));
      TinyBayesFamily family = new TinyBayesFamily("tiny");
      family.registerChampion(registry);
      try (DetectaServer server = start(registry, family, tmp)) {
        String base = "http://127.0.0.1:" + server.port();
        JsonNode first = json(post(base + "/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\", \"fiebre\"]}"));
        assertTrue(first.path("stored").asBoolean(), first.toString());
        String id = first.path("predictionId").asText();
        // written before the fault (rows still queued when the database goes down are dropped and counted)
        server.predictionLog().flush(java.time.Duration.ofSeconds(10));

        postgres.halt();
        // The log writes asynchronously: the first predictions after the fault may still be acknowledged as stored
        // and then dropped (counted); once the log has noticed, nothing claims to be stored.
        long noticed = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.predictionLog().healthy() && System.nanoTime() < noticed) {
          post(base + "/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\"]}");
          Thread.sleep(200);
        }
        assertFalse(server.predictionLog().healthy(), "the prediction log did not notice the database stopped");
        HttpResponse<String> during = post(base + "/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"itching\", \"sneezing\"]}");
        assertEquals(200, during.statusCode(), "diagnoses continue from the loaded model: " + during.body());
        assertEquals("TINY:ALLERGY", json(during).path("candidates").get(0).path("id").asText());
        assertFalse(json(during).path("stored").asBoolean(), "claimed to store while the database is down");
        HttpResponse<String> feedback = post(base + "/api/v1/feedback",
            "{\"predictionId\": \"" + id + "\", \"confirmedDiagnosis\": \"TINY:FLU\"}");
        assertEquals(503, feedback.statusCode(), feedback.body());
        assertEquals("storage_unavailable", json(feedback).path("error").asText());
        assertTrue(json(feedback).path("detail").asText().contains("database is unavailable"), feedback.body());
        assertTrue(feedback.headers().firstValue("Retry-After").isPresent());
        HttpResponse<String> delete = send("DELETE", base + "/api/v1/predictions/" + id);
        assertEquals(503, delete.statusCode(), delete.body());
        assertEquals(200, get(base + "/v2/health/ready").statusCode(), "readiness is about the models, which are loaded");

        postgres.resume();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status = 0;
        while (System.nanoTime() < deadline && status != 201) {
          Thread.sleep(500);
          status = post(base + "/api/v1/feedback", "{\"predictionId\": \"" + id + "\", \"confirmedDiagnosis\": \"TINY:FLU\"}")
              .statusCode();
        }
        assertEquals(201, status, "feedback did not recover after the database came back");
        boolean stored = false;
        while (System.nanoTime() < deadline && !stored) {
          stored = json(post(base + "/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\"]}")).path("stored").asBoolean();
          Thread.sleep(stored ? 0 : 500);
        }
        assertTrue(stored, "prediction logging did not resume");
        assertEquals(204, send("DELETE", base + "/api/v1/predictions/" + id).statusCode());
      }
    }
  }

  @Test
  void aCorruptedArtifactIsRefusedAndTheServedVersionStays(@TempDir Path tmp) throws Exception {
    ModelRegistry registry = TestRegistries.embedded(tmp);
    TinyBayesFamily family = new TinyBayesFamily("tiny");
    family.registerChampion(registry);
    org.detecta.pipeline.TrainedModel t = family.trained();
    byte[] other = java.util.Arrays.copyOf(t.artifact(), t.artifact().length + 1); // distinct blob (content-addressed)
    other[other.length - 1] = '\n';
    ModelVersion second = registry.register(new org.detecta.pipeline.TrainedModel(t.name(), other, t.parameters(),
        t.metrics(), t.data(), t.inputs(), t.outputs(), t.gatePassed(), t.gateReasons()), "t", "t", "t");
    Path blob = new ArtifactStore(tmp.resolve("artifacts")).pathOf(second.artifactSha256());
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(blob, bytes);
    assertThrows(CorruptArtifactException.class, () -> registry.artifact(second));
    try (DetectaServer server = start(registry, family, tmp)) {
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> move = send("PUT", base + "/api/v1/models/tiny/aliases/champion", "{\"version\": " + second.version() + "}");
      assertTrue(move.statusCode() < 500, move.body());
      JsonNode models = json(get(base + "/api/v1/models"));
      assertEquals(1, models.path("models").size(), "the model must stay served: " + models + " after " + move.body());
      assertEquals(1, models.path("models").get(0).path("version").asInt(), "a corrupted version must not be served: " + models);
      HttpResponse<String> diagnosis = post(base + "/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"itching\", \"sneezing\"]}");
      assertEquals(200, diagnosis.statusCode(), diagnosis.body());
    }
  }

  @Test
  void aFullDiskWhileWritingAnArtifactLeavesNoPartialFileNorRow(@TempDir Path tmp) throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "mounting a 1 MiB tmpfs needs root (CI runs as root)");
    Path disk = Files.createDirectories(tmp.resolve("small-disk"));
    exec("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
    try {
      ArtifactStore store = new ArtifactStore(disk.resolve("artifacts"));
      byte[] big = new byte[2 * 1024 * 1024];
      new java.util.Random(7).nextBytes(big);
      IOException full = assertThrows(IOException.class, () -> store.put(big));
      assertTrue(String.valueOf(full.getMessage()).contains("No space left on device"), String.valueOf(full));
      assertEquals(List.of(), files(disk), "a partial artifact was left behind");

      // through the registry: fill the disk, then a registration fails and stores nothing
      try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
        byte[] chunk = new byte[64 * 1024];
        while (true) {
          out.write(chunk);
        }
      } catch (IOException expected) {
        // the disk is full now
      }
      ModelRegistry registry = new ModelRegistry(Database.open(DatabaseConfig.embedded(tmp.resolve("home"))),
          new ArtifactStore(disk.resolve("artifacts")));
      TinyBayesFamily family = new TinyBayesFamily("tiny");
      assertThrows(Exception.class, () -> family.registerChampion(registry));
      assertEquals(List.of(), registry.list(), "a version was registered without its artifact");
      assertEquals(List.of(disk.resolve("filler")), files(disk), "a partial artifact was left behind");
    } finally {
      exec("umount", disk.toString());
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  private static DetectaServer start(ModelRegistry registry, TinyBayesFamily family, Path tmp) throws Exception {
    ServeConfig config = ServeConfig.fromEnv("127.0.0.1", 0, Map.of("DETECTA_ADMIN_TOKEN", TOKEN,
        "DETECTA_RELOAD_POLL_SECONDS", "3600"));
    DetectaServer server = DetectaServer.start(config, registry, new ModelCatalog(List.of(family)), () -> null,
        TestServer.tinyDataDir(tmp));
    assertTrue(server.awaitReady(60_000));
    return server;
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String url, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }
}
