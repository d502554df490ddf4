package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real server on a loopback port with a real registry and the tiny naive Bayes as champion. */
class HttpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path tmp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of("DETECTA_MAX_BODY_BYTES", "4096",
        "DETECTA_MAX_FINDINGS", "8"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void healthAndModels() throws Exception {
    assertEquals(200, server.get("/v2/health/live").statusCode());
    assertEquals(true, json(server.get("/v2/health/ready")).get("ready").asBoolean());
    JsonNode models = json(server.get("/api/v1/models")).get("models");
    assertEquals("tiny", models.get(0).get("name").asText());
    assertEquals(0.9, models.get(0).get("metrics").get("test").get("top1").asDouble(), 1e-9);
  }

  @Test
  void diagnosesFromIdsNamesAndSpanishLabels() throws Exception {
    HttpResponse<String> r = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"fiebre\", \"cough\","
        + " \"Fatigue\", \"E_91\"], \"excluded\": [\"itching\"], \"age\": 34, \"sex\": \"female\", \"lang\": \"es\", \"model\": \"tiny\", \"top\": 3}");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertEquals("TINY:FLU", body.get("candidates").get(0).get("id").asText());
    assertEquals(3, body.get("candidates").size());
    assertEquals("common", body.get("candidates").get(0).get("kind").asText());
    assertTrue(body.get("candidates").get(0).get("evidence").size() >= 3);
    assertEquals("[\"E_91\"]", body.get("unrecognised").toString());
    assertEquals("tiny", body.get("model").get("name").asText());
    assertFalse(body.get("predictionId").isNull());
    assertTrue(body.get("nextQuestions").isArray());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
  }

  @Test
  void withoutConsentNothingIsStored() throws Exception {
    int before = server.loggedPredictions();
    HttpResponse<String> r = server.post("/api/v1/diagnose", "{\"observed\": [\"cough\"]}");
    assertEquals(403, r.statusCode());
    assertEquals("consent_required", json(r).get("error").asText());
    HttpResponse<String> refused = server.post("/api/v1/diagnose", "{\"consent\": false, \"observed\": [\"cough\"]}");
    assertEquals(403, refused.statusCode());
    assertEquals(before, server.loggedPredictions());
  }

  @Test
  void badRequestsGetClearErrors() throws Exception {
    HttpResponse<String> malformed = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [");
    assertEquals(400, malformed.statusCode());
    assertEquals("invalid_json", json(malformed).get("error").asText());
    HttpResponse<String> types = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": \"cough\", \"age\": \"old\"}");
    assertEquals(400, types.statusCode());
    Set<String> fields = new HashSet<>();
    json(types).get("fields").forEach(f -> fields.add(f.get("field").asText()));
    assertEquals(Set.of("observed", "age"), fields);
    HttpResponse<String> media = server.send("POST", "/api/v1/diagnose", "consent=true", "text/plain", Optional.empty());
    assertEquals(415, media.statusCode());
    HttpResponse<String> big = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"" + "x".repeat(5000) + "\"]}");
    assertEquals(413, big.statusCode());
    HttpResponse<String> many = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"]}");
    assertEquals(422, many.statusCode());
    HttpResponse<String> model = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\"], \"model\": \"nope\"}");
    assertEquals(404, model.statusCode());
    assertEquals("nope", json(model).get("fields").get(0).get("value").asText());
    HttpResponse<String> deep = server.post("/api/v1/diagnose", "[".repeat(2000) + "]".repeat(2000));
    assertEquals(400, deep.statusCode());
    HttpResponse<String> route = server.get("/api/v1/nothing");
    assertEquals(404, route.statusCode());
    assertEquals("not_found", json(route).get("error").asText());
    for (HttpResponse<String> r : java.util.List.of(malformed, types, media, big, many, model, deep, route)) {
      assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }
  }

  @Test
  void termSearchIsAccentInsensitiveAndCoversModelNames() throws Exception {
    JsonNode hits = json(server.get("/api/v1/terms?q=convulsion&lang=es"));
    assertEquals("HP:0001250", hits.get(0).get("id").asText());
    assertEquals("Convulsiones", hits.get(0).get("label").asText());
    JsonNode skin = json(server.get("/api/v1/terms?q=skin%20ra&lang=en"));
    assertEquals("skin_rash", skin.get(0).get("id").asText());
    assertEquals(422, server.get("/api/v1/terms?q=a&lang=fr").statusCode());
  }

  @Test
  void feedbackLinksToPredictionAndDeletionNeedsTheToken() throws Exception {
    String id = json(server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"itching\", \"sneezing\"]}"))
        .get("predictionId").asText();
    HttpResponse<String> feedback = server.post("/api/v1/feedback",
        "{\"predictionId\": \"" + id + "\", \"confirmedDiagnosis\": \"TINY:ALLERGY\"}");
    assertEquals(201, feedback.statusCode(), feedback.body());
    HttpResponse<String> unknown = server.post("/api/v1/feedback",
        "{\"predictionId\": \"00000000-0000-0000-0000-000000000000\", \"confirmedDiagnosis\": \"TINY:ALLERGY\"}");
    assertEquals(404, unknown.statusCode());
    assertEquals(401, server.send("DELETE", "/api/v1/predictions/" + id, null, null, Optional.empty()).statusCode());
    assertEquals(403, server.send("DELETE", "/api/v1/predictions/" + id, null, null, Optional.of("wrong")).statusCode());
    assertEquals(204, server.send("DELETE", "/api/v1/predictions/" + id, null, null, Optional.of(TestServer.TOKEN)).statusCode());
    assertEquals(404, server.send("DELETE", "/api/v1/predictions/" + id, null, null, Optional.of(TestServer.TOKEN)).statusCode());
  }

  @Test
  void openInferenceProtocol() throws Exception {
    JsonNode meta = json(server.get("/v2/models/tiny"));
    assertEquals("observed", meta.get("inputs").get(0).get("name").asText());
    HttpResponse<String> r = server.post("/v2/models/tiny/infer", "{\"id\": \"r1\", \"inputs\": [{\"name\": \"observed\","
        + " \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"headache\", \"blurred vision\"]}], \"parameters\": {\"top\": 2}}");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode out = json(r);
    assertEquals("r1", out.get("id").asText());
    assertEquals("TINY:MIGRAINE", out.get("outputs").get(0).get("data").get(0).asText());
    assertEquals(2, out.get("outputs").get(2).get("shape").get(0).asInt());
    assertEquals(404, server.get("/v2/models/none").statusCode());
  }

  @Test
  void metricsCountRequestsAndPredictions() throws Exception {
    server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"vomiting\", \"diarrhoea\"]}");
    String metrics = server.get("/metrics").body();
    assertTrue(metrics.contains("detecta_http_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/diagnose\",status=\"200\""), metrics);
    assertTrue(metrics.contains("detecta_predictions_total{class=\"TINY:GASTRO\",model=\"tiny\"}"), metrics);
  }

  @Test
  void openApiDocumentsExactlyTheRoutes() throws Exception {
    JsonNode doc = json(server.get("/openapi.json"));
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    Set<String> documented = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
    }
    assertEquals(new HashSet<>(server.server.http().routes()), documented);
    // structural validity: every $ref resolves, every {param} of a path is declared, every operation has responses
    java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"\\$ref\":\"#/([^\"]+)\"").matcher(doc.toString());
    int resolved = 0;
    while (refs.find()) {
      assertFalse(doc.at("/" + refs.group(1)).isMissingNode(), "dangling $ref " + refs.group(1));
      resolved++;
    }
    assertTrue(resolved > 10);
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      Set<String> params = new HashSet<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
      while (m.find()) {
        params.add(m.group(1));
      }
      for (JsonNode op : path.getValue()) {
        Set<String> declared = new HashSet<>();
        op.path("parameters").forEach(p -> {
          if (p.path("in").asText().equals("path")) {
            declared.add(p.get("name").asText());
          }
        });
        assertEquals(params, declared, path.getKey());
        assertTrue(op.path("responses").size() > 0, path.getKey());
      }
    }
    try (InputStream in = HttpServer.class.getResourceAsStream("/serve/openapi.json")) {
      assertNotNull(in);
    }
  }
}
