package org.detecta.serve;

import org.detecta.Detecta;
import org.detecta.pipeline.ModelCatalog;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.StorageUnavailableException;
import org.detecta.registry.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry opens while HTTP starts: live at once, ready only with the models, and a registry that cannot open fails the start. */
class ServeStartupTest {
  @TempDir
  Path tmp;

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static int status(HttpClient client, int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void liveWhileTheRegistryOpensReadyOnlyAfterTheModelsLoaded() throws Exception {
    Path home = tmp.resolve("home");
    TinyBayesFamily family = new TinyBayesFamily("tiny");
    ModelRegistry opened = TestRegistries.embedded(home);
    family.registerChampion(opened);
    CountDownLatch release = new CountDownLatch(1);
    Supplier<ModelRegistry> slowRegistry = Detecta.memoize(() -> {
      try {
        assertTrue(release.await(60, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return opened;
    });
    int port = freePort();
    ServeConfig config = ServeConfig.fromEnv("127.0.0.1", port, Map.of());
    Path data = TestServer.tinyDataDir(tmp);
    CompletableFuture<DetectaServer> starting = CompletableFuture.supplyAsync(() -> DetectaServer.start(config,
        slowRegistry, DatabaseConfig.embedded(home), new ModelCatalog(List.of(family)), () -> null, data));
    HttpClient client = HttpClient.newHttpClient();
    int live = 0;
    for (int i = 0; i < 600 && live != 200; i++) {
      try {
        live = status(client, port, "/v2/health/live");
      } catch (java.io.IOException notYet) {
        Thread.sleep(50);
      }
    }
    assertEquals(200, live, "HTTP answers before the registry is open");
    assertEquals(503, status(client, port, "/v2/health/ready"), "not ready: no model can answer yet");
    release.countDown();
    DetectaServer server = starting.get(60, TimeUnit.SECONDS);
    try {
      assertTrue(server.awaitReady(60_000));
      assertEquals(200, status(client, port, "/v2/health/ready"));
      assertEquals(List.of("tiny"), server.models().all().stream().map(ServedModel::name).toList());
    } finally {
      server.close();
    }
  }

  @Test
  void aRegistryThatCannotOpenFailsTheStartAndFreesThePort() throws Exception {
    int port = freePort();
    ServeConfig config = ServeConfig.fromEnv("127.0.0.1", port, Map.of());
    StorageUnavailableException down = new StorageUnavailableException("Cannot open the registry: database down", null);
    StorageUnavailableException thrown = assertThrows(StorageUnavailableException.class, () -> DetectaServer.start(
        config, () -> {
          throw down;
        }, DatabaseConfig.embedded(tmp.resolve("home")), new ModelCatalog(List.of(new TinyBayesFamily("tiny"))),
        () -> null, TestServer.tinyDataDir(tmp)));
    assertEquals(down, thrown);
    try (ServerSocket again = new ServerSocket(port)) {
      assertEquals(port, again.getLocalPort(), "the HTTP server was closed");
    }
  }
}
