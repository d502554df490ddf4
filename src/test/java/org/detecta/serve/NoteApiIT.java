package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.detecta.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/v1/extract and the note of POST /api/v1/diagnose, with the real HPO and Spanish labels. */
class NoteApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOTE = "Niña de 3 años con crisis convulsivas. Sin fiebre. Posible hepatomegalia. Madre con epilepsia.";
  @TempDir
  static Path tmp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(tmp.resolve("home"), SharedData.dir(), Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode body(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void extractReturnsLanguageOffsetsLabelsAndStatuses() throws Exception {
    HttpResponse<String> ok = server.post("/api/v1/extract",
        JSON.createObjectNode().put("consent", true).put("text", NOTE).put("lang", "auto").toString());
    assertEquals(200, ok.statusCode(), ok.body());
    JsonNode out = body(ok);
    assertEquals("es", out.get("language").asText());
    JsonNode findings = out.get("findings");
    for (JsonNode f : findings) {
      assertEquals(f.get("text").asText(), NOTE.substring(f.get("start").asInt(), f.get("end").asInt()));
    }
    JsonNode seizure = findings.get(0);
    assertEquals("crisis convulsivas", seizure.get("text").asText());
    assertEquals("HP:0001250", seizure.get("hpoId").asText());
    assertEquals("Convulsiones", seizure.get("label").asText());
    assertEquals("present", seizure.get("status").asText());
    assertEquals("observed", seizure.get("use").asText());
    assertEquals(List.of("present", "absent", "uncertain", "family"),
        JSON.convertValue(findings.findValuesAsText("status"), List.class));
    assertEquals(List.of("observed", "excluded", "none", "none"), findings.findValuesAsText("use"));
    assertEquals(List.of("HP:0001250"), JSON.convertValue(out.get("observed"), List.class));
    assertEquals(List.of("HP:0001945"), JSON.convertValue(out.get("excluded"), List.class));
    JsonNode english = body(server.post("/api/v1/extract",
        "{\"consent\": true, \"text\": \"The patient denies seizures. His brother had ataxia.\"}"));
    assertEquals("en", english.get("language").asText());
    assertEquals(List.of("absent", "family"), english.get("findings").findValuesAsText("status"));
  }

  @Test
  void badNotesAreClear4xxNamingTheProblem() throws Exception {
    assertProblem(server.post("/api/v1/extract", "{\"consent\": true, \"text\": \"   \"}"), 422, "empty_note", "text");
    assertProblem(server.post("/api/v1/extract", "{\"consent\": true}"), 422, "invalid_request", "text");
    assertProblem(server.post("/api/v1/extract", "{\"consent\": true, \"text\": \"fiebre\\u0000\\u0001\\u0002PK\"}"),
        422, "binary_note", "text");
    assertProblem(server.post("/api/v1/extract", "{\"consent\": true, \"text\": \"fiebre\", \"lang\": \"fr\"}"),
        422, "unknown_language", "lang");
    assertProblem(server.post("/api/v1/extract", "{\"consent\": true, \"text\": \"12345 678\"}"),
        422, "unknown_language", "lang");
    assertProblem(server.post("/api/v1/extract", "{\"text\": \"Sin fiebre.\"}"), 403, "consent_required", "consent");
    assertProblem(server.post("/api/v1/extract", "{\"consent\": true, \"text\": \"x\", \"notes\": 1}"), 422,
        "invalid_request", "notes");
    HttpResponse<String> binary = server.send("POST", "/api/v1/extract", "\u0000\u0001PK\u0003\u0004", "application/json",
        Optional.empty());
    assertEquals(400, binary.statusCode(), binary.body());
    byte[] big = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    HttpResponse<String> huge = server.client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.url("/api/v1/extract"))).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, huge.statusCode(), huge.body());
    assertEquals("payload_too_large", body(huge).get("error").asText());
  }

  /**
   * A client that writes a whole oversized body before reading (most do) still receives the 413: the server drains
   * the body before closing, so the kernel does not reset the connection under the answer. Repeated, because a reset
   * lost the answer only some of the time.
   */
  @Test
  void oversizedBodyWrittenInFullStillGets413() throws Exception {
    byte[] body = new byte[6 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'a');
    for (int attempt = 0; attempt < 5; attempt++) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
        socket.setSoTimeout(20_000);
        java.io.OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 413"), "attempt " + attempt + ": " + answer.lines().findFirst().orElse("(nothing)"));
        assertTrue(answer.contains("payload_too_large"), answer);
      }
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status, String error, String field) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode out = body(response);
    assertEquals(error, out.get("error").asText(), response.body());
    assertEquals(field, out.get("fields").get(0).get("field").asText(), response.body());
    assertFalse(out.get("detail").asText().isBlank());
  }

  @Test
  void diagnoseReadsTheNoteAndStoresOnlyWithConsent() throws Exception {
    HttpResponse<String> ok = server.post("/api/v1/diagnose",
        JSON.createObjectNode().put("consent", true).put("note", NOTE).toString());
    assertEquals(200, ok.statusCode(), ok.body());
    JsonNode out = body(ok);
    assertEquals(List.of("HP:0001250"), JSON.convertValue(out.at("/note/observed"), List.class));
    assertEquals(List.of("HP:0001945"), JSON.convertValue(out.at("/note/excluded"), List.class));
    assertEquals(4, out.at("/note/findings").size());
    assertTrue(out.get("stored").asBoolean());
    String id = out.get("predictionId").asText();
    server.server.predictionLog().flush(java.time.Duration.ofSeconds(5));
    var logged = server.server.predictionLog().recent("tiny", 1, 50).stream().filter(p -> p.id().equals(id))
        .findFirst().orElseThrow();
    assertEquals(List.of("HP:0001250"), logged.observed());
    assertEquals(List.of("HP:0001945"), logged.excluded());
    assertFalse(logged.toString().contains("crisis convulsivas"), "the note's text is never stored");

    HttpResponse<String> noConsent = server.post("/api/v1/diagnose", JSON.createObjectNode().put("note", NOTE).toString());
    assertEquals(403, noConsent.statusCode());
    HttpResponse<String> nothingPresent = server.post("/api/v1/diagnose",
        "{\"consent\": true, \"note\": \"Sin fiebre. Madre con epilepsia.\"}");
    assertEquals(422, nothingPresent.statusCode(), nothingPresent.body());
    assertEquals("no_findings", body(nothingPresent).get("error").asText());
    assertEquals(422, server.post("/api/v1/diagnose", "{\"consent\": true, \"note\": \"\"}").statusCode());
    assertEquals(400, server.post("/api/v1/diagnose", "{\"consent\": true, \"note\": 12}").statusCode());
  }

  @Test
  void interviewReadsTheNoteLikeDiagnose() throws Exception {
    // kaggle-symptoms has an interview mode; the tiny family stands in for the trained model
    try (TestServer kaggle = new TestServer(tmp.resolve("kaggle-home"), SharedData.dir(), Map.of(), 0,
        new TinyBayesFamily("kaggle-symptoms"))) {
      HttpResponse<String> ok = kaggle.post("/api/v1/interview",
          JSON.createObjectNode().put("consent", true).put("model", "kaggle-symptoms").put("note", NOTE).toString());
      assertEquals(200, ok.statusCode(), ok.body());
      JsonNode out = body(ok);
      assertEquals(List.of("HP:0001250"), JSON.convertValue(out.at("/note/observed"), List.class));
      assertEquals(List.of("HP:0001945"), JSON.convertValue(out.at("/note/excluded"), List.class));
      assertFalse(out.get("stored").asBoolean());
      assertTrue(JSON.convertValue(out.get("unrecognised"), List.class).contains("HP:0001250"),
          "a term the symptom model asks nothing about is reported, not fatal: " + out);
      assertEquals(400, kaggle.post("/api/v1/interview", "{\"consent\": true, \"note\": 12}").statusCode());
      assertEquals(422, kaggle.post("/api/v1/interview", "{\"consent\": true, \"note\": \"  \"}").statusCode());
    }
  }

  @Test
  void noOntologyMeans503() throws Exception {
    try (TestServer tiny = new TestServer(tmp.resolve("tiny-home"), TestServer.tinyDataDir(Files.createDirectories(
        tmp.resolve("tiny"))), Map.of())) {
      HttpResponse<String> r = tiny.post("/api/v1/extract", "{\"consent\": true, \"text\": \"Sin fiebre.\"}");
      assertEquals(503, r.statusCode(), r.body());
      assertEquals("notes_unavailable", body(r).get("error").asText());
    }
  }
}
