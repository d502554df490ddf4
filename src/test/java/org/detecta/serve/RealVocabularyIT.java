package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.detecta.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server with the real HPO and Spanish labels: label resolution, autocomplete, unknown ids named in a 422. */
class RealVocabularyIT {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  @Test
  void spanishAutocompleteIsAccentInsensitive() throws Exception {
    JsonNode hits = JSON.readTree(server.get("/api/v1/terms?q=convuls&lang=es").body());
    assertTrue(hits.size() > 0);
    assertEquals("es", hits.get(0).get("lang").asText());
    assertTrue(hits.get(0).get("label").asText().toLowerCase().startsWith("convuls"), hits.toString());
    JsonNode accented = JSON.readTree(server.get("/api/v1/terms?q=convulsi%C3%B3n&lang=es").body());
    JsonNode plain = JSON.readTree(server.get("/api/v1/terms?q=convulsion&lang=es").body());
    assertEquals(plain, accented);
    JsonNode english = JSON.readTree(server.get("/api/v1/terms?q=seizure&lang=en").body());
    assertEquals("HP:0001250", english.get(0).get("id").asText());
  }

  @Test
  void labelsInBothLanguagesResolveAndUnknownIdsAreNamed() throws Exception {
    HttpResponse<String> ok = server.post("/api/v1/diagnose",
        "{\"consent\": true, \"observed\": [\"Fiebre\", \"Fever\", \"cough\", \"no such finding\"]}");
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(List.of("no such finding"), JSON.convertValue(JSON.readTree(ok.body()).get("unrecognised"), List.class));
    HttpResponse<String> bad = server.post("/api/v1/diagnose",
        "{\"consent\": true, \"observed\": [\"HP:0001945\", \"HP:9999999\"], \"excluded\": [\"HP:123\"]}");
    assertEquals(422, bad.statusCode());
    JsonNode fields = JSON.readTree(bad.body()).get("fields");
    assertEquals("observed[1]", fields.get(0).get("field").asText());
    assertEquals("HP:9999999", fields.get(0).get("value").asText());
    assertEquals("excluded[0]", fields.get(1).get("field").asText());
  }

  /** Not a timed test: prints the autocomplete latency for the report. */
  @Test
  void printsAutocompleteLatency() throws Exception {
    Vocabulary vocabulary = new Vocabulary(java.util.Optional.of(SharedData.knowledgeBase().terms()),
        TermEntries.fromSpanishTsv(SharedData.path("hpo/hp-es.tsv")));
    TermSearch search = vocabulary.search();
    String[] queries = {"convuls", "fie", "dolor de cab", "seiz", "abnormality of the", "a", "hipot", "ataxia"};
    for (int i = 0; i < 2000; i++) {
      search.search(queries[i % queries.length], "es", 10);
    }
    long start = System.nanoTime();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      search.search(queries[i % queries.length], "es", 10);
    }
    System.err.printf("term search: %d entries, mean %.3f ms/query%n", search.size(), (System.nanoTime() - start) / 1e6 / n);
    assertTrue(search.size() > 30_000);
  }
}
