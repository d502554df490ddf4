package org.detecta.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounded concurrency: beyond DETECTA_MAX_CONCURRENT requests in flight the server answers 429, not a queue. */
class LimitsTest {
  @Test
  void failuresAnswerAGeneric500WithoutInternals(@TempDir Path tmp) throws Exception {
    try (TestServer server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of(), 0,
        new TinyBayesFamily("tiny", -1))) {
      HttpResponse<String> r = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\"]}");
      assertEquals(500, r.statusCode());
      assertTrue(r.body().contains("internal_error") && r.body().contains("requestId"), r.body());
      assertTrue(!r.body().contains("secret") && !r.body().contains("Exception"), r.body());
    }
  }

  @Test
  void overloadAnswers429WithRetryAfter(@TempDir Path tmp) throws Exception {
    try (TestServer server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp),
        Map.of("DETECTA_MAX_CONCURRENT", "1"), 0, new TinyBayesFamily("tiny", 700))) {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            return server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\"]}");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        HttpResponse<String> r = call.get();
        statuses.add(r.statusCode());
        if (r.statusCode() == 429) {
          assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
        }
      }
      assertTrue(statuses.contains(200) && statuses.contains(429), statuses.toString());
      assertEquals(200, server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\"]}").statusCode());

      // graceful stop: a request in flight when the server is told to stop still gets its answer
      CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
        try {
          return server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\"]}");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(250);
      server.close();
      assertEquals(200, inFlight.get().statusCode());
    }
  }
}
