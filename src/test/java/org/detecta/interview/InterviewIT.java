package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detecta.SharedData;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.PatientCase;
import org.detecta.serve.TestServer;
import org.detecta.serve.TinyBayesFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interviews on real DDXPlus rows: a simulation on a sample of the held-out split, and the HTTP endpoint. */
class InterviewIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void bestQuestionsBeatRandomOnHeldOutPatients() throws Exception {
    Path data = SharedData.dir();
    DdxplusInterview.Built built = DdxplusInterview.build(data, 42);
    Set<String> test = new HashSet<>();
    built.test().forEach(c -> test.add(DdxplusInterview.key(c)));
    List<DdxplusPatient> rows = new DdxplusReader().readPatients(data.resolve("ddxplus/patients.csv")).patients().stream()
        .filter(p -> test.contains(DdxplusInterview.key(p.patient()))).limit(25).toList();
    assertEquals(25, rows.size());
    assertTrue(rows.stream().map(DdxplusPatient::patient).map(DdxplusInterview::key).noneMatch(built.trainingKeys()::contains));
    List<InterviewSimulator.Patient> patients = DdxplusInterview.patients(built.questions(), rows);
    var best = InterviewSummary.of(new InterviewSimulator(built.interviewer(), InterviewSimulator.Policy.BEST, 1)
        .runAll(patients, 5, 1), List.of(0, 5), 0.9, 5);
    var random = InterviewSummary.of(new InterviewSimulator(built.interviewer(), InterviewSimulator.Policy.RANDOM, 1)
        .runAll(patients, 5, 1), List.of(0, 5), 0.9, 5);
    assertTrue(best.interview().get(1).top1() >= 0.8, "best after 5: " + best);
    assertTrue(best.interview().get(1).top1() > random.interview().get(1).top1() + 0.2, best + " vs " + random);
  }

  @Test
  void kaggleSymptomsAreYesNoQuestionsInSpanish() throws Exception {
    TabularInterviewer kaggle = KaggleInterview.build(SharedData.dir(), 42, org.detecta.text.SpanishLabels.fromDataDir(SharedData.dir()));
    InterviewState state = new InterviewState(org.detecta.cases.Sex.UNKNOWN, java.util.Optional.empty(),
        Map.of("itching", Answer.yes("itching")));
    List<RankedQuestion> next = kaggle.next(state, 3);
    assertEquals(3, next.size());
    assertTrue(next.stream().allMatch(r -> r.question().kind() == QuestionKind.BINARY && r.question().textEs().startsWith("¿Tiene")));
    assertTrue(kaggle.questions().find("abdominal_pain").orElseThrow().textEs().equals("¿Tiene dolor abdominal?"),
        kaggle.questions().find("abdominal_pain").orElseThrow().textEs());
    assertTrue(next.stream().noneMatch(r -> r.question().id().equals("itching")));
  }

  @Test
  void theEndpointAsksAndNamesBadAnswers(@TempDir Path tmp) throws Exception {
    Path data = TestServer.ddxplusDataDir(tmp);
    try (TestServer server = new TestServer(tmp.resolve("home"), data, Map.of(), 0, new TinyBayesFamily("ddxplus"))) {
      JsonNode first = json(server.post("/api/v1/interview",
          "{\"consent\": true, \"model\": \"ddxplus\", \"lang\": \"es\", \"age\": 40, \"sex\": \"male\", \"observed\": [\"E_53\"]}"), 200);
      JsonNode q = first.get("question");
      assertTrue(Set.of("binary", "categorical", "multi").contains(q.get("kind").asText()), q.toString());
      assertEquals("unknown", q.get("options").get(q.get("options").size() - 1).get("id").asText());
      assertTrue(first.get("expectedGain").asDouble() > 0);
      assertTrue(!first.get("done").asBoolean() && first.get("candidates").size() > 0);
      String chosen = q.get("options").get(0).get("id").asText();
      JsonNode second = json(server.post("/api/v1/interview", "{\"consent\": true, \"model\": \"ddxplus\", \"observed\": [\"E_53\"],"
          + " \"answers\": [{\"id\": \"" + q.get("id").asText() + "\", \"answer\": \"" + chosen + "\"}]}"), 200);
      assertTrue(second.get("done").asBoolean() || !second.get("question").get("id").asText().equals(q.get("id").asText()));

      assertProblem(server, "[{\"id\": \"E_9999\", \"answer\": \"yes\"}]", "unknown evidence E_9999");
      assertProblem(server, "[{\"id\": \"E_133\", \"answer\": [\"V_29\"]}]", "answered without its parent E_129");
      assertProblem(server, "[{\"id\": \"E_56\", \"answer\": \"99\"}]", "'99' is not an option of E_56");
      assertProblem(server, "[{\"id\": \"E_91\", \"answer\": \"yes\"}, {\"id\": \"E_91\", \"answer\": \"no\"}]", "contradictory answers");
      assertEquals(403, server.post("/api/v1/interview", "{\"observed\": [\"E_53\"]}").statusCode());

      JsonNode diagnosis = json(server.post("/api/v1/diagnose",
          "{\"consent\": true, \"model\": \"ddxplus\", \"lang\": \"en\", \"observed\": [\"E_53\", \"E_91\"]}"), 200);
      JsonNode next = diagnosis.get("nextQuestions");
      assertTrue(next.size() > 0, diagnosis.toString());
      assertTrue(next.get(0).get("gain").asDouble() > 0 && !next.get(0).get("text").asText().isBlank());
      assertNotEquals("E_91", next.get(0).get("id").asText(), "never ask what is answered");
    }
  }

  private static void assertProblem(TestServer server, String answers, String expected) throws Exception {
    var r = server.post("/api/v1/interview", "{\"consent\": true, \"model\": \"ddxplus\", \"observed\": [\"E_53\"], \"answers\": "
        + answers + "}");
    assertEquals(422, r.statusCode(), r.body());
    assertTrue(r.body().contains(expected), r.body());
  }

  private static JsonNode json(java.net.http.HttpResponse<String> r, int status) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }
}
