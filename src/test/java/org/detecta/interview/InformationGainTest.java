package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detecta.cases.Sex;
import org.junit.jupiter.api.Test;

/** On a tiny hand-made model, the question that separates the candidates is the one chosen. */
class InformationGainTest {
  @Test
  void gainIsEntropyForAPerfectTestAndZeroForAUselessOne() {
    double[] p = {0.5, 0.5};
    int[] all = {0, 1};
    assertEquals(Math.log(2), InformationGain.gain(p, all, new double[][] {{1, 0}, {0, 1}}), 1e-9);
    assertEquals(0, InformationGain.gain(p, all, new double[][] {{0.3, 0.3}, {0.7, 0.7}}), 1e-9);
  }

  /** The precomputed form (no logarithm per outcome and disease) equals H(D) − E_o H(D | o) written out directly. */
  @Test
  void precomputedTablesGiveTheDefinition() {
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int diseases = 2 + random.nextInt(40);
      int outcomes = 2 + random.nextInt(6);
      double[] posterior = new double[diseases];
      for (int d = 0; d < diseases; d++) {
        posterior[d] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
      }
      posterior[0] += 0.1;
      double[][] table = new double[outcomes][diseases];
      for (int d = 0; d < diseases; d++) {
        double sum = 0;
        for (int o = 0; o < outcomes; o++) {
          table[o][d] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
          sum += table[o][d];
        }
        for (int o = 0; o < outcomes; o++) {
          table[o][d] = sum == 0 ? 1.0 / outcomes : table[o][d] / sum;
        }
      }
      int[] candidates = InformationGain.candidates(posterior, 0.01, 1 + random.nextInt(diseases));
      double expected = definition(posterior, candidates, table);
      InformationGain.Start start = InformationGain.Start.of(posterior, candidates);
      assertEquals(expected, InformationGain.gain(start, InformationGain.Outcomes.of(table)), 1e-12);
      assertEquals(expected, InformationGain.gain(posterior, candidates, table), 1e-12);
    }
  }

  /** H(D) − Σ_o P(o) H(D | o) over the candidates, renormalised: the textbook form, with a posterior per outcome. */
  private static double definition(double[] posterior, int[] candidates, double[][] table) {
    double sum = 0;
    for (int c : candidates) {
      sum += posterior[c];
    }
    double prior = 0;
    for (int c : candidates) {
      double w = posterior[c] / sum;
      prior -= w > 0 ? w * Math.log(w) : 0;
    }
    double after = 0;
    for (double[] row : table) {
      double m = 0;
      for (int c : candidates) {
        m += posterior[c] / sum * row[c];
      }
      double h = 0;
      for (int c : candidates) {
        double q = m == 0 ? 0 : posterior[c] / sum * row[c] / m;
        h -= q > 0 ? q * Math.log(q) : 0;
      }
      after += m * h;
    }
    return Math.max(0, prior - after);
  }

  @Test
  void confidenceGainIsTheExpectedRiseOfTheTopProbability() {
    double[] p = {0.5, 0.5};
    int[] all = {0, 1};
    assertEquals(0.5, InformationGain.confidenceGain(p, all, new double[][] {{1, 0}, {0, 1}}), 1e-9);
    assertEquals(0, InformationGain.confidenceGain(p, all, new double[][] {{0.3, 0.3}, {0.7, 0.7}}), 1e-9);
  }

  @Test
  void theInformativeQuestionIsChosen() {
    DdxplusQuestions bank = TinyBank.bank();
    // Flu has fever, cold does not; both cough about as often; angina has chest pain.
    List<AnswerModel.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      examples.add(example(bank, "flu", i % 2 == 0 ? List.of("FEVER", "COUGH") : List.of("FEVER")));
      examples.add(example(bank, "cold", i % 2 == 0 ? List.of("COUGH") : List.of()));
    }
    AnswerModel model = AnswerModel.fit(bank.all(), examples, Map.of(), AnswerModel.Smoothing.defaults());
    TabularInterviewer interviewer = new TabularInterviewer(bank, model);
    InterviewState start = new InterviewState(Sex.UNKNOWN, Optional.empty(), Map.of());
    List<RankedQuestion> next = interviewer.next(start, 5);
    assertEquals("FEVER", next.get(0).question().id(), next.toString());
    assertTrue(next.get(0).gain() > 0.5, next.toString());
    assertTrue(next.stream().noneMatch(r -> r.question().id().equals("WHERE")), "a child is not asked before its parent");
    InterviewState afterFever = start.with(Answer.yes("FEVER"));
    assertEquals("flu", interviewer.differential(afterFever, 1).get(0).id());
    assertTrue(interviewer.next(afterFever, 10).stream().noneMatch(r -> r.question().id().equals("FEVER")));
  }

  private static AnswerModel.Example example(DdxplusQuestions bank, String condition, List<String> tokens) {
    return new AnswerModel.Example(condition, Sex.UNKNOWN, Optional.empty(), bank.truth(tokens));
  }
}
