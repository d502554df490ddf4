package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.detecta.cases.Sex;
import org.detecta.diagnosis.Query;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.detecta.rank.FusionWeights;
import org.detecta.rank.RankParameters;
import org.detecta.rank.RareEngine;
import org.detecta.rank.RareTrainer;
import org.detecta.text.SpanishLabels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The next questions of a diagnosis reuse the engine's scoring of the query (the diagnosis computed it): they must
 * be exactly the questions the interviewer finds when it scores the findings itself.
 */
class HpoInterviewReuseTest {
  private static final List<String> TERMS = List.of("HP:0000107", "HP:0000119", "HP:0000152", "HP:0000252",
      "HP:0000256", "HP:0000478", "HP:0000505", "HP:0000518", "HP:0000707", "HP:0001166", "HP:0001250", "HP:0001263",
      "HP:0001626", "HP:0001629", "HP:0001631", "HP:0002069", "HP:0007359", "HP:0010442", "HP:0040064", "HP:9999999");
  private static RareEngine engine;
  private static RareEngine other;

  @BeforeAll
  static void load() throws Exception {
    Path dir = Path.of(HpoInterviewReuseTest.class.getResource("/org/detecta/rank/hp.small.json").toURI()).getParent();
    KnowledgeBase kb = KnowledgeBaseLoader.load(dir.resolve("hp.small.json"), dir.resolve("small.hpoa"));
    engine = new RareTrainer(kb, RankParameters.defaults(), Map.of()).engine(List.of(), new FusionWeights(1, 0, 0.25, 0.25, 1));
    other = new RareTrainer(kb, RankParameters.defaults(), Map.of()).engine(List.of(), new FusionWeights(0.2, 1, 0, 1, 1));
  }

  @Test
  void questionsFromTheDiagnosisScoringEqualQuestionsScoredAgain() {
    Random random = new Random(20261123);
    int compared = 0;
    for (int n = 0; n < 300; n++) {
      Map<String, Answer> answers = new LinkedHashMap<>();
      List<String> yes = new ArrayList<>();
      List<String> no = new ArrayList<>();
      for (int i = random.nextInt(4); i >= 0; i--) {
        String term = TERMS.get(random.nextInt(TERMS.size()));
        if (answers.containsKey(term) || term.equals("HP:9999999")) {
          continue;
        }
        boolean present = random.nextInt(3) > 0;
        answers.put(term, present ? Answer.yes(term) : Answer.no(term));
        (present ? yes : no).add(term);
      }
      InterviewState state = new InterviewState(Sex.UNKNOWN, Optional.empty(), answers);
      // fresh interviewers: neither may answer from a cache of an earlier state
      HpoInterview scoring = new HpoInterview(engine, SpanishLabels.empty());
      HpoInterview reusing = new HpoInterview(engine, SpanishLabels.empty());
      if (!scoring.problems(answers).isEmpty()) {
        continue;
      }
      RareEngine.Scored scored = engine.score(new Query(yes, no, Sex.UNKNOWN, Optional.empty()));
      assertEquals(scoring.next(state, 3), reusing.next(state, 3, scored), answers.toString());
      assertEquals(scoring.differential(state, 10), reusing.differential(state, 10), answers.toString());
      compared++;
    }
    assertEquals(true, compared > 200, "compared " + compared);
  }

  @Test
  void gainsEqualTheDefinitionOverTheEngineProfiles() {
    // next() reads P(t|d) from per-disease profiles merged with the pool, and takes logarithms per term and per
    // disease showing it; the definition reads profiles().prob(t, d) and takes one per (outcome, disease)
    var model = engine.scoringModel();
    HpoAnswerRates rates = HpoAnswerRates.fixed();
    int checked = 0;
    for (List<String> yes : List.of(List.of("HP:0001250"), List.of("HP:0000252", "HP:0001263"), List.of("HP:0001626"),
        List.of("HP:0000505", "HP:0000518"))) {
      Map<String, Answer> answers = new LinkedHashMap<>();
      yes.forEach(t -> answers.put(t, Answer.yes(t)));
      InterviewState state = new InterviewState(Sex.UNKNOWN, Optional.empty(), answers);
      HpoInterview interview = new HpoInterview(engine, SpanishLabels.empty());
      var differential = interview.differential(state, 0);
      double[] posterior = new double[model.size()];
      int[] candidates = new int[differential.size()];
      for (int c = 0; c < candidates.length; c++) {
        candidates[c] = model.indexOf(differential.get(c).id());
        // gains are computed on the posterior flattened by the choice temperature
        posterior[candidates[c]] = Math.pow(differential.get(c).probability(), 1 / HpoInterview.CHOICE_TEMPERATURE);
      }
      for (RankedQuestion q : interview.next(state, 1000)) {
        int t = model.terms().indexOf(org.monarchinitiative.phenol.ontology.data.TermId.of(q.question().id())).orElseThrow();
        double[][] outcomes = new double[3][model.size()];
        for (int d : candidates) {
          double p = Math.max(model.profiles().prob(t, d), model.profiles().background(t));
          outcomes[0][d] = rates.yes(p);
          outcomes[1][d] = rates.no(p);
          outcomes[2][d] = 1 - outcomes[0][d] - outcomes[1][d];
        }
        assertEquals(InformationGain.gain(posterior, candidates, outcomes), q.gain(), 1e-12, q.question().id());
        checked++;
      }
    }
    assertEquals(true, checked > 10, "checked " + checked);
  }

  @Test
  void aScoringOfOtherFindingsOrByAnotherEngineIsNotUsed() {
    Map<String, Answer> answers = Map.of("HP:0001250", Answer.yes("HP:0001250"));
    InterviewState state = new InterviewState(Sex.UNKNOWN, Optional.empty(), answers);
    List<RankedQuestion> expected = new HpoInterview(engine, SpanishLabels.empty()).next(state, 3);
    assertFalse(expected.isEmpty());
    RareEngine.Scored otherFindings = engine.score(new Query(List.of("HP:0000478"), List.of(), Sex.UNKNOWN, Optional.empty()));
    assertEquals(expected, new HpoInterview(engine, SpanishLabels.empty()).next(state, 3, otherFindings));
    RareEngine.Scored otherEngine = other.score(new Query(List.of("HP:0001250"), List.of(), Sex.UNKNOWN, Optional.empty()));
    assertEquals(expected, new HpoInterview(engine, SpanishLabels.empty()).next(state, 3, otherEngine));
  }

  @Test
  void theDifferentialOfAScoredQueryIsTheDiagnosis() {
    Query query = new Query(List.of("HP:0001250", "HP:0000252", "HP:9999999"), List.of("HP:0000478"), Sex.UNKNOWN,
        Optional.empty());
    assertEquals(engine.diagnose(query, 5), engine.differential(engine.score(query), 5));
  }
}
