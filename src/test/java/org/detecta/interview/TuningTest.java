package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detecta.cases.Sex;
import org.junit.jupiter.api.Test;

/**
 * The report temperature flattens the reported differential only: same ranking, same questions. The early choice
 * temperature changes the gains of the first questions only.
 */
class TuningTest {
  private static final DdxplusQuestions BANK = TinyBank.bank();

  @Test
  void earlyChoiceTemperatureAppliesWhileFewAnswersAreKnown() {
    AnswerModel model = fitted();
    TabularInterviewer.Scorer scorer = s -> model.logPosterior(s.sex(), s.age(), s.answers());
    TabularInterviewer usual = new TabularInterviewer(BANK, model, scorer, new TabularInterviewer.Tuning(2.0, 0, Lookahead.off(), 1.0));
    TabularInterviewer early = new TabularInterviewer(BANK, model, scorer,
        new TabularInterviewer.Tuning(2.0, 0, Lookahead.off(), 1.0, new EarlyChoice(50.0, 2)));
    TabularInterviewer flatThroughout = new TabularInterviewer(BANK, model, scorer, new TabularInterviewer.Tuning(50.0, 0, Lookahead.off(), 1.0));
    InterviewState one = new InterviewState(Sex.UNKNOWN, Optional.empty(), Map.of()).with(Answer.yes("FEVER"));
    // one answer known: chosen as at temperature 50, and the gains differ from temperature 2's
    assertEquals(flatThroughout.next(one, 3), early.next(one, 3));
    assertTrue(!usual.next(one, 3).equals(early.next(one, 3)), usual.next(one, 3) + " vs " + early.next(one, 3));
    // two answers known: back to the usual temperature; the reported differential never changes
    InterviewState two = one.with(Answer.no("COUGH"));
    assertEquals(usual.next(two, 3), early.next(two, 3));
    assertEquals(usual.differential(one, 3), early.differential(one, 3));
    assertEquals(2.0, EarlyChoice.off().at(one, 2.0));
  }

  @Test
  void reportTemperatureCalibratesTheDifferentialAndLeavesTheQuestionsAlone() {
    AnswerModel model = fitted();
    TabularInterviewer.Scorer scorer = s -> model.logPosterior(s.sex(), s.age(), s.answers());
    TabularInterviewer raw = new TabularInterviewer(BANK, model, scorer, new TabularInterviewer.Tuning(2.0, 0, Lookahead.off(), 1.0));
    TabularInterviewer flat = new TabularInterviewer(BANK, model, scorer, new TabularInterviewer.Tuning(2.0, 0, Lookahead.off(), 1.5));
    InterviewState state = new InterviewState(Sex.UNKNOWN, Optional.empty(), Map.of()).with(Answer.yes("FEVER"));
    double[] p = raw.posterior(state);
    double[] q = flat.posterior(state);
    int top = 0;
    for (int i = 1; i < p.length; i++) {
      top = p[i] > p[top] ? i : top;
    }
    assertTrue(q[top] < p[top] && q[top] > 0.5, p[top] + " -> " + q[top]);
    // softmax(log p / T): q ∝ p^(1/T)
    double norm = 0;
    for (double x : p) {
      norm += Math.pow(x, 1 / 1.5);
    }
    assertEquals(Math.pow(p[top], 1 / 1.5) / norm, q[top], 1e-9);
    assertEquals(raw.differential(state, 3).stream().map(c -> c.id()).toList(), flat.differential(state, 3).stream().map(c -> c.id()).toList());
    assertEquals(raw.next(state, 3), flat.next(state, 3));
  }

  private static AnswerModel fitted() {
    List<AnswerModel.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      examples.add(example("flu", i % 4 == 0 ? List.of("FEVER") : List.of("FEVER", "COUGH")));
      examples.add(example("cold", i % 4 == 0 ? List.of("COUGH", "FEVER") : List.of("COUGH")));
      examples.add(example("angina", i % 2 == 0 ? List.of("PAIN", "WHERE_@_V_1") : List.of("PAIN", "WHERE_@_V_1", "COUGH")));
    }
    return AnswerModel.fit(BANK.all(), examples, Map.of(), AnswerModel.Smoothing.defaults());
  }

  private static AnswerModel.Example example(String condition, List<String> tokens) {
    return new AnswerModel.Example(condition, Sex.UNKNOWN, Optional.empty(), BANK.truth(tokens));
  }
}
