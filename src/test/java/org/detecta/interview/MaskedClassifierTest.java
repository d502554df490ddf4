package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.detecta.cases.Sex;
import org.junit.jupiter.api.Test;

/** The masked classifier reads partial evidence; a "no" is evidence, an unasked question is not. */
class MaskedClassifierTest {
  @Test
  void learnsFromMaskedStatesAndTellsNoFromUnasked() {
    DdxplusQuestions bank = TinyBank.bank();
    List<AnswerModel.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      examples.add(example(bank, "flu", i % 2 == 0 ? List.of("FEVER", "COUGH") : List.of("FEVER")));
      examples.add(example(bank, "cold", i % 2 == 0 ? List.of("COUGH") : List.of()));
    }
    MaskedClassifier c = MaskedClassifier.fit(bank, List.of("cold", "flu"), examples, MaskedClassifier.Settings.defaults(), 1);
    double[] fever = c.logPosterior(Sex.UNKNOWN, Optional.empty(), Map.of("FEVER", Answer.yes("FEVER")));
    double[] noFever = c.logPosterior(Sex.UNKNOWN, Optional.empty(), Map.of("FEVER", Answer.no("FEVER")));
    double[] nothing = c.logPosterior(Sex.UNKNOWN, Optional.empty(), Map.of());
    assertTrue(fever[1] > Math.log(0.9), "fever → flu: " + Math.exp(fever[1]));
    assertTrue(noFever[0] > Math.log(0.9), "no fever → cold: " + Math.exp(noFever[0]));
    assertTrue(Math.abs(Math.exp(nothing[0]) - 0.5) < 0.2, "nothing asked stays near the prior: " + Math.exp(nothing[0]));
    assertEquals(1, Math.exp(fever[0]) + Math.exp(fever[1]), 1e-9);
  }

  @Test
  void masksKeepChildrenBehindTheirParentAndOnlyTruthfulAnswers() {
    DdxplusQuestions bank = TinyBank.bank();
    Map<String, Answer> truth = bank.truth(List.of("PAIN", "WHERE_@_V_1"));
    Map<String, List<Question>> children = new HashMap<>();
    List<Question> roots = new ArrayList<>();
    bank.all().forEach(q -> q.parent().ifPresentOrElse(p -> children.computeIfAbsent(p, x -> new ArrayList<>()).add(q), () -> roots.add(q)));
    MaskedClassifier.Settings s = new MaskedClassifier.Settings(1, 1, 0.1, 0, 0, 0.5, 10);
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      Map<String, Answer> m = MaskedClassifier.mask(truth, children, roots, s, random);
      assertTrue(!m.isEmpty() && truth.entrySet().containsAll(m.entrySet()), m.toString());
      assertTrue(!m.containsKey("WHERE") || m.containsKey("PAIN"), "a child only after its parent: " + m);
    }
  }

  private static AnswerModel.Example example(DdxplusQuestions bank, String condition, List<String> tokens) {
    return new AnswerModel.Example(condition, Sex.UNKNOWN, Optional.empty(), bank.truth(tokens));
  }
}
