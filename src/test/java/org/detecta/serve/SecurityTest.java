package org.detecta.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CORS only for configured origins, security headers on every kind of answer, erasure on request, the token check. */
class SecurityTest {
  private static final String ALLOWED = "https://clinic.example";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path tmp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of("DETECTA_CORS_ORIGINS", ALLOWED));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> withOrigin(String method, String path, String origin) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).header("Origin", origin)
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (method.equals("OPTIONS")) {
      b.header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type");
    }
    return server.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void corsOnlyForConfiguredOrigins() throws Exception {
    assertEquals(ALLOWED, withOrigin("GET", "/api/v1/models", ALLOWED).headers()
        .firstValue("Access-Control-Allow-Origin").orElse(""));
    assertEquals(ALLOWED, withOrigin("OPTIONS", "/api/v1/diagnose", ALLOWED).headers()
        .firstValue("Access-Control-Allow-Origin").orElse(""));
    for (String other : new String[] {"https://evil.example", "https://clinic.example.evil.example", "null"}) {
      assertTrue(withOrigin("GET", "/api/v1/models", other).headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other);
      assertTrue(withOrigin("OPTIONS", "/api/v1/diagnose", other).headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other);
    }
  }

  @Test
  void securityHeadersOnEveryKindOfAnswer() throws Exception {
    Map<String, HttpResponse<String>> answers = Map.of(
        "page", server.get("/"),
        "api", server.get("/api/v1/models"),
        "404", server.get("/api/v1/nothing-here"),
        "400", server.post("/api/v1/diagnose", "{not json"),
        "415", server.send("POST", "/api/v1/diagnose", "{}", "text/plain", Optional.empty()),
        "401", server.send("POST", "/api/v1/admin/reload", null, null, Optional.empty()),
        "403", server.post("/api/v1/diagnose", "{\"observed\": [\"cough\"]}"),
        "jetty 400", server.get("/api/v1/predictions/%00"));
    answers.forEach((what, r) -> {
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), what + ": " + csp);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), what);
    });
    assertEquals(400, answers.get("jetty 400").statusCode());
  }

  @Test
  void deletingAPredictionErasesItsFeedbackToo() throws Exception {
    HttpResponse<String> diagnosis = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\", \"fiebre\"]}");
    String id = JSON.readTree(diagnosis.body()).path("predictionId").asText();
    assertEquals(201, server.post("/api/v1/feedback", "{\"predictionId\": \"" + id + "\", \"confirmedDiagnosis\": \"TINY:FLU\"}")
        .statusCode());
    assertEquals(1, rows("prediction_log", "id", id));
    assertEquals(1, rows("prediction_feedback", "prediction_id", id));
    assertEquals(403, server.send("DELETE", "/api/v1/predictions/" + id, null, null, Optional.of("not-the-token")).statusCode());
    assertEquals(1, rows("prediction_log", "id", id), "a wrong token deleted data");
    assertEquals(204, server.send("DELETE", "/api/v1/predictions/" + id, null, null, Optional.of(TestServer.TOKEN)).statusCode());
    assertEquals(0, rows("prediction_log", "id", id));
    assertEquals(0, rows("prediction_feedback", "prediction_id", id));
  }

  private static int rows(String table, String column, String id) throws Exception {
    server.server.predictionLog().flush(Duration.ofSeconds(5));
    try (Connection c = server.registry.database().connection();
         PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * The comparison is over SHA-256 digests with MessageDigest.isEqual, so its time does not depend on how much of
   * the token a guess gets right: a guess sharing all but the last character takes as long as a 1-character one
   * (medians of interleaved rounds; a byte-by-byte early-exit compare of the raw tokens would not be measurable
   * here, so this also checks the rejections themselves).
   */
  @Test
  void tokenComparisonDoesNotDependOnHowMuchOfTheTokenIsRight() {
    String token = "a".repeat(64);
    AdminAuth auth = new AdminAuth(Optional.of(token));
    String nearly = "Bearer " + "a".repeat(63) + "b";
    String far = "Bearer b";
    assertThrows(ApiException.class, () -> auth.require(nearly));
    assertThrows(ApiException.class, () -> auth.require(far));
    auth.require("Bearer " + token);
    long[] near = new long[4001];
    long[] short1 = new long[4001];
    for (int round = 0; round < 3; round++) { // the last round is measured, after JIT warm-up
      for (int i = 0; i < near.length; i++) {
        near[i] = time(auth, nearly);
        short1[i] = time(auth, far);
      }
    }
    Arrays.sort(near);
    Arrays.sort(short1);
    double ratio = (double) near[near.length / 2] / Math.max(1, short1[short1.length / 2]);
    assertTrue(ratio > 0.33 && ratio < 3, "median time nearly-right / wrong = " + ratio);
  }

  private static long time(AdminAuth auth, String header) {
    long t0 = System.nanoTime();
    try {
      auth.require(header);
    } catch (ApiException expected) {
      // rejected, as it should be
    }
    return System.nanoTime() - t0;
  }

  @Test
  void adminIsClosedWithoutAConfiguredToken() {
    ApiException e = assertThrows(ApiException.class, () -> new AdminAuth(Optional.empty()).require("Bearer anything"));
    assertEquals(403, e.status());
    assertFalse(e.getMessage().contains("anything"));
  }
}
