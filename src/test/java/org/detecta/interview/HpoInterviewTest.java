package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detecta.cases.PatientCase;
import org.detecta.cases.Sex;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.detecta.rank.FusionWeights;
import org.detecta.rank.RankParameters;
import org.detecta.rank.RareTrainer;
import org.detecta.text.SpanishLabels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HPO answers on the hand-made 21-term ontology of the rank tests. */
class HpoInterviewTest {
  private static HpoInterview interview;

  @BeforeAll
  static void load() throws Exception {
    Path dir = Path.of(HpoInterviewTest.class.getResource("/org/detecta/rank/hp.small.json").toURI()).getParent();
    KnowledgeBase kb = KnowledgeBaseLoader.load(dir.resolve("hp.small.json"), dir.resolve("small.hpoa"));
    var engine = new RareTrainer(kb, RankParameters.defaults(), Map.of()).engine(List.of(), new FusionWeights(1, 0, 0.25, 0.25, 1));
    interview = new HpoInterview(engine, SpanishLabels.empty());
  }

  private static boolean allowed(String id, Map<String, Answer> answers) {
    return interview.allowed(interview.find(id).orElseThrow(), answers);
  }

  @Test
  void yesImpliesAncestorsAndNoImpliesDescendants() {
    Map<String, Answer> yesFocal = Map.of("HP:0007359", Answer.yes("HP:0007359"));
    assertFalse(allowed("HP:0001250", yesFocal), "Seizure is implied by a focal-onset seizure");
    assertTrue(allowed("HP:0002069", yesFocal));
    Map<String, Answer> noSeizure = Map.of("HP:0001250", Answer.no("HP:0001250"));
    assertFalse(allowed("HP:0007359", noSeizure), "no seizure settles focal-onset seizure");
    assertTrue(allowed("HP:0000707", noSeizure), "but not its ancestor");
  }

  @Test
  void noAnswersSettleTermsWithoutMovingTheDifferential() {
    InterviewState yes = new InterviewState(Sex.UNKNOWN, Optional.empty(), Map.of("HP:0000252", Answer.yes("HP:0000252")));
    InterviewState yesAndNo = yes.with(Answer.no("HP:0001250"));
    assertEquals(interview.differential(yes, 10), interview.differential(yesAndNo, 10));
    assertTrue(interview.next(yesAndNo, 50).stream().noneMatch(r -> r.question().id().equals("HP:0007359")),
        "a descendant of a no term is not asked");
    InterviewState twoYes = yes.with(Answer.yes("HP:0001250"));
    assertFalse(interview.differential(yes, 10).equals(interview.differential(twoYes, 10)), "a yes answer is scored");
  }

  @Test
  void contradictionsAndUnknownTermsAreNamed() {
    String problems = interview.problems(Map.of("HP:0007359", Answer.yes("HP:0007359"),
        "HP:0001250", Answer.no("HP:0001250"), "HP:9999999", Answer.yes("HP:9999999"))).toString();
    assertTrue(problems.contains("contradictory answers: yes to HP:0007359 but no to HP:0001250"), problems);
    assertTrue(problems.contains("unknown HPO term HP:9999999"), problems);
  }

  @Test
  void simulatedPatientsAnswerByTheOntology() {
    PatientCase c = new PatientCase("c", "t", Optional.empty(), Sex.UNKNOWN, Optional.empty(),
        List.of("HP:0007359"), List.of("HP:0000478"), List.of("OMIM:100001"));
    var patient = interview.patients(List.of(c), 3, 1).get(0);
    assertEquals(1, patient.start().answers().size());
    assertTrue(patient.oracle().answer(interview.find("HP:0001250").orElseThrow()).isYes(), "descendant observed");
    assertTrue(patient.oracle().answer(interview.find("HP:0000518").orElseThrow()).isNo(), "an ancestor is excluded");
    assertTrue(patient.oracle().answer(interview.find("HP:0001629").orElseThrow()).isUnknown());
  }

  @Test
  void asksAboutTermsThatSeparateTheCandidates() {
    InterviewState state = new InterviewState(Sex.UNKNOWN, Optional.empty(), Map.of("HP:0001250", Answer.yes("HP:0001250")));
    List<RankedQuestion> next = interview.next(state, 3);
    assertFalse(next.isEmpty());
    assertEquals("HP:0000518", next.get(0).question().id(), "cataract separates Alpha from Beta: " + next);
  }

  @Test
  void answerRatesAreCountedOnTrainingCases() {
    // Alpha cases observe seizure and exclude microcephaly, a very frequent Alpha term.
    List<PatientCase> cases = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      cases.add(new PatientCase("a" + i, "t", Optional.empty(), Sex.UNKNOWN, Optional.empty(),
          List.of("HP:0001250"), List.of("HP:0000252"), List.of("OMIM:100001")));
    }
    HpoAnswerRates fixed = interview.rates();
    assertTrue(fixed.isFixed());
    HpoAnswerRates fitted = interview.fitRates(cases, 1, 1, 100);
    assertFalse(fitted.isFixed());
    double maxNo = java.util.stream.DoubleStream.of(0.3, 0.5, 0.8, 0.95).map(fitted::no).max().orElse(0);
    assertTrue(maxNo > 0.2, "a frequent term reported absent by every case: " + fitted);
    assertEquals(fitted, interview.withRates(fitted).rates());
  }
}
