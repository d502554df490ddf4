package org.detecta.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.DiseaseKind;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.MatchKind;
import org.detecta.diagnosis.SimilarCase;
import org.junit.jupiter.api.Test;

/** The streamed diagnosis JSON: candidates keep their contract fields and add the similar training cases. */
class RendererTest {
  @Test
  void candidatesCarryTheirSimilarTrainingCasesAndAnEmptyListOtherwise() throws Exception {
    Candidate rare = new Candidate("OMIM:1", "A", 0.6, DiseaseKind.RARE,
        List.of(new Evidence("HP:1", "HP:1", MatchKind.OBSERVED_BUT_EXCLUDED, -4.6)),
        List.of(new SimilarCase("PMID_1_case_2", "PMID:1", 0.75)));
    Candidate common = new Candidate("flu", "flu", 0.3, DiseaseKind.COMMON, List.of());
    DiagnoseResult result = new DiagnoseResult(Optional.empty(), "m", 1, List.of(rare, common), List.of(), List.of(),
        0.1, 1.0);
    JsonNode body = JsonBodies.MAPPER.readTree(Renderer.diagnosis(result, Map.of()));
    assertEquals(0.1, body.get("unlisted").asDouble(), 1e-12, "the share of a disease the model does not know");
    JsonNode first = body.get("candidates").get(0);
    assertEquals("observed_but_excluded", first.get("evidence").get(0).get("match").asText());
    assertEquals("PMID_1_case_2", first.get("similarCases").get(0).get("caseId").asText());
    assertEquals("PMID:1", first.get("similarCases").get(0).get("publication").asText());
    assertEquals(0.75, first.get("similarCases").get(0).get("similarity").asDouble(), 1e-12);
    JsonNode second = body.get("candidates").get(1);
    assertEquals(0, second.get("similarCases").size());
    assertEquals(List.of("id", "name", "probability", "kind", "evidence", "similarCases"),
        iterate(second.fieldNames()));
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }
}
