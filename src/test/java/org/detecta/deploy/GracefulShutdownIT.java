package org.detecta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server process (the jar's classes plus a test model that takes 2 s per diagnosis, stopped by a shutdown hook
 * like {@code detecta serve}) gets SIGTERM while a diagnosis is running: the request still gets its 200, the
 * process then exits, and with {@code DETECTA_LOG_FORMAT=json} every log line it wrote is one JSON object.
 */
class GracefulShutdownIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anInFlightRequestFinishesOnSigterm(@TempDir Path tmp) throws Exception {
    int port = ChildProcess.freePort();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", Manifests.ROOT.resolve("target/test-classes") + java.io.File.pathSeparator + ChildProcess.JAR,
        "org.detecta.serve.SlowServer", tmp.resolve("run").toString(), Integer.toString(port), "2000");
    try (ChildProcess server = ChildProcess.start("server", command, Map.of("DETECTA_LOG_FORMAT", "json"),
        tmp.resolve("server.log"))) {
      server.awaitOk("http://127.0.0.1:" + port + "/v2/health/ready", Duration.ofMinutes(1));
      HttpClient client = HttpClient.newHttpClient();
      CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v1/diagnose")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"consent\": true, \"observed\": [\"itching\", \"sneezing\"]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      Thread.sleep(700); // the diagnosis (2 s) is running
      server.process.destroy(); // SIGTERM
      HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("TINY:ALLERGY"), answer.body());
      assertTrue(server.process.waitFor(30, TimeUnit.SECONDS), "the server did not stop after SIGTERM");

      List<String> lines = Files.readAllLines(tmp.resolve("server.log")).stream().filter(l -> !l.isBlank()).toList();
      assertFalse(lines.isEmpty());
      boolean stopping = false;
      for (String line : lines) {
        JsonNode log = JSON.readTree(line); // fails if a line is not JSON
        assertTrue(log.has("level") && log.has("loggerName") && log.has("formattedMessage"), line);
        stopping |= log.path("formattedMessage").asText().contains("stopping (finishing in-flight requests)");
      }
      assertTrue(stopping, "no shutdown log line: " + lines);
    }
  }
}
