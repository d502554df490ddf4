package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagnosis hot path as streamed (body parsed from the request stream, answer rendered straight to bytes):
 * limits still hold without a Content-Length, compression still works, ids keep their format.
 */
class ServeHotPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIAGNOSE = "{\"consent\": true, \"observed\": [\"fiebre\", \"cough\", \"E_91\"], \"model\": \"tiny\"}";
  @TempDir
  static Path tmp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of("DETECTA_MAX_BODY_BYTES", "4096"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A body sent chunked (no Content-Length), so only counting while parsing can enforce the limit. */
  private static HttpResponse<String> chunked(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return server.client.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/diagnose")))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bodiesWithoutContentLengthAreParsedAndLimited() throws Exception {
    HttpResponse<String> ok = chunked(DIAGNOSE);
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("TINY:FLU", JSON.readTree(ok.body()).get("candidates").get(0).get("id").asText());
    HttpResponse<String> big = chunked("{\"consent\": true, \"observed\": [\"" + "x".repeat(5000) + "\"]}");
    assertEquals(413, big.statusCode(), big.body());
    assertEquals("payload_too_large", JSON.readTree(big.body()).get("error").asText());
    HttpResponse<String> empty = server.post("/api/v1/diagnose", "");
    assertEquals(400, empty.statusCode());
    assertEquals("invalid_json", JSON.readTree(empty.body()).get("error").asText());
  }

  @Test
  void answerIsTheContractJsonPlainOrGzipped() throws Exception {
    HttpResponse<String> plain = server.post("/api/v1/diagnose", DIAGNOSE);
    assertEquals("application/json", plain.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonNode body = JSON.readTree(plain.body());
    Set<String> keys = new HashSet<>();
    body.fieldNames().forEachRemaining(keys::add);
    assertTrue(keys.containsAll(Set.of("predictionId", "model", "candidates", "nextQuestions", "unrecognised")), keys.toString());
    JsonNode first = body.get("candidates").get(0);
    assertTrue(first.get("probability").isDouble() && first.get("probability").asDouble() > 0.3, first.toString());
    assertEquals("learned", first.get("evidence").get(0).get("match").asText());
    assertEquals("[\"E_91\"]", body.get("unrecognised").toString());
    assertTrue(body.get("predictionId").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        body.get("predictionId").asText());

    // Large enough (> 1,500 bytes) for Javalin to compress when asked.
    String many = "{\"consent\": true, \"observed\": [\"fiebre\", \"cough\", \"headache\", \"fatigue\", \"nausea\","
        + " \"itching\", \"sneezing\"], \"model\": \"tiny\"}";
    JsonNode expected = JSON.readTree(server.post("/api/v1/diagnose", many).body());
    HttpResponse<byte[]> gz = server.client.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/diagnose")))
        .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString(many)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, gz.statusCode());
    assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
    JsonNode unzipped = JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(gz.body())));
    assertEquals(expected.get("candidates"), unzipped.get("candidates"));
  }

  @Test
  void predictionIdsAreTimeOrderedVersion7AndAllIdsDistinct() throws Exception {
    Set<String> seen = new HashSet<>();
    String first = Ids.prediction();
    Thread.sleep(2);
    for (int i = 0; i < 2000; i++) {
      String p = Ids.prediction();
      String r = Ids.request();
      assertEquals(7, java.util.UUID.fromString(p).version());
      assertEquals(2, java.util.UUID.fromString(p).variant());
      assertEquals(4, java.util.UUID.fromString(r).version());
      assertTrue(p.substring(0, 13).compareTo(first.substring(0, 13)) > 0, "later ids sort after earlier ones");
      long millis = java.util.UUID.fromString(p).getMostSignificantBits() >>> 16;
      assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, "the prefix is the creation time");
      assertTrue(seen.add(p) && seen.add(r));
    }
  }
}
