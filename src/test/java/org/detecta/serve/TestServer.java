package org.detecta.serve;

import org.detecta.Detecta;
import org.detecta.pipeline.ModelCatalog;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import org.detecta.registry.TestRegistries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real server for tests: a temp home with an H2 registry, the tiny naive Bayes trained and registered as
 * {@code @champion} of {@code tiny}, a data dir holding only Spanish labels (or a real one), port 0.
 */
public final class TestServer implements AutoCloseable {
  public static final String TOKEN = "test-admin-token-0123456789";
  public final Path home;
  public final ModelRegistry registry;
  public final DetectaServer server;
  public final HttpClient client = HttpClient.newHttpClient();

  public TestServer(Path home, Path dataDir, Map<String, String> env) throws Exception {
    this(home, dataDir, env, 0);
  }

  public TestServer(Path home, Path dataDir, Map<String, String> env, int port) throws Exception {
    this(home, dataDir, env, port, new TinyBayesFamily("tiny"));
  }

  public TestServer(Path home, Path dataDir, Map<String, String> env, int port, TinyBayesFamily family) throws Exception {
    this(home, dataDir, env, port, family, List.of());
  }

  /** With further families in the catalog, each with a tiny model registered as its champion. */
  public TestServer(Path home, Path dataDir, Map<String, String> env, int port, TinyBayesFamily family,
                    List<org.detecta.pipeline.ModelFamily> more) throws Exception {
    this.home = home;
    this.registry = TestRegistries.embedded(home);
    register(family);
    for (org.detecta.pipeline.ModelFamily other : more) {
      register(new TinyBayesFamily(other.name()));
    }
    java.util.List<org.detecta.pipeline.ModelFamily> families = new java.util.ArrayList<>(List.of(family, new TinyBayesFamily("tiny2")));
    families.addAll(more);
    java.util.HashMap<String, String> all = new java.util.HashMap<>(Map.of("DETECTA_ADMIN_TOKEN", TOKEN,
        "DETECTA_RELOAD_POLL_SECONDS", "1"));
    all.putAll(env);
    ServeConfig config = ServeConfig.fromEnv("127.0.0.1", port, all);
    this.server = DetectaServer.start(config, registry, new ModelCatalog(families),
        Detecta.memoize(() -> isSharedData(dataDir) ? org.detecta.SharedData.knowledgeBase()
            : org.detecta.kb.KnowledgeBaseLoader.loadFromDataDir(dataDir)), dataDir);
    if (!server.awaitReady(120_000)) {
      throw new IllegalStateException("test server not ready");
    }
  }

  /** The shared data's knowledge base is loaded once per test JVM; other dirs load their own. */
  private static boolean isSharedData(Path dataDir) {
    try {
      return dataDir.toAbsolutePath().normalize().equals(org.detecta.SharedData.dir());
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** A data dir with only the Spanish label fixture. */
  public static Path tinyDataDir(Path tmp) throws IOException {
    Path data = tmp.resolve("data");
    Files.createDirectories(data.resolve("hpo"));
    try (var in = TestServer.class.getResourceAsStream("data/hpo/hp-es.tsv")) {
      Files.copy(in, data.resolve("hpo").resolve("hp-es.tsv"));
    }
    return data;
  }

  /** {@link #tinyDataDir} plus links to the shared DDXPlus files, so a model named {@code ddxplus} asks DDXPlus's questions. */
  public static Path ddxplusDataDir(Path tmp) throws IOException {
    Path data = tinyDataDir(tmp);
    Files.createDirectories(data.resolve("ddxplus"));
    for (String f : List.of("patients.csv", "release_evidences.json", "release_conditions.json")) {
      Files.createSymbolicLink(data.resolve("ddxplus").resolve(f), org.detecta.SharedData.path("ddxplus/" + f));
    }
    return data;
  }

  public ModelVersion register(TinyBayesFamily family) throws IOException {
    return family.registerChampion(registry);
  }

  /** How many predictions the server has logged (after flushing its log). */
  public int loggedPredictions() throws Exception {
    server.predictionLog().flush(Duration.ofSeconds(5));
    try (Connection c = registry.database().connection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM prediction_log")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(String method, String path, String body, String contentType, Optional<String> token)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String json) throws Exception {
    return send("POST", path, json, "application/json", Optional.empty());
  }

  @Override
  public void close() {
    server.close();
  }
}
