package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.detecta.serve.JsonBodies.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one way request bodies are read: every problem collected, then 400 (types) → 403 (consent) → 422 (values). */
class RequestFieldsTest {
  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  private static List<String> fields(ApiException e) {
    return e.fields().stream().map(ApiException.FieldProblem::field).toList();
  }

  @Test
  void typesFailBeforeConsentAndConsentBeforeValues() throws Exception {
    ApiException types = assertThrows(ApiException.class, () -> DiagnoseRequest.parse(
        json("{\"observed\": [\"a\", 3], \"age\": \"old\", \"top\": 1.5, \"bogus\": 1}"), 10));
    assertEquals(400, types.status());
    assertEquals(List.of("observed[1]", "age", "top"), fields(types));
    ApiException consent = assertThrows(ApiException.class, () -> DiagnoseRequest.parse(json("{\"observed\": [\"a\"], \"bogus\": 1}"), 10));
    assertEquals(403, consent.status());
    assertEquals("consent_required", consent.error());
    ApiException values = assertThrows(ApiException.class, () -> DiagnoseRequest.parse(
        json("{\"consent\": true, \"observed\": [\"a\", \"b\"], \"excluded\": [\"c\"], \"age\": 200, \"lang\": \"fr\", \"bogus\": 1}"), 2));
    assertEquals(422, values.status());
    assertEquals(Set.of("bogus", "age", "lang", "observed"), Set.copyOf(fields(values)));
    DiagnoseRequest ok = DiagnoseRequest.parse(json("{\"consent\": true, \"observed\": [\"a\"], \"age\": 34, \"top\": 3}"), 2);
    assertEquals(Optional.of(34.0), ok.age());
    assertEquals(3, ok.top());
    assertEquals("es", ok.lang());
  }

  @Test
  void helpersReadAnyNodeAndQuoteShortly() throws Exception {
    RequestFields f = RequestFields.of(json("{\"n\": 7, \"b\": \"yes\", \"t\": \"" + "x".repeat(300) + "\"}"));
    assertEquals(7, f.integer("n", 1, 1, 10));
    assertEquals(1, f.integer("missing", 1, 1, 10));
    f.flag("b");
    assertEquals(Optional.empty(), f.text("t"));
    ApiException e = assertThrows(ApiException.class, f::failOnTypes);
    assertEquals(List.of("b", "t"), fields(e));
    assertEquals(80, e.fields().get(1).value().length(), "long values are abbreviated in errors");
    assertEquals(400, assertThrows(ApiException.class, () -> RequestFields.of(json("[1]"))).status());
  }
}
