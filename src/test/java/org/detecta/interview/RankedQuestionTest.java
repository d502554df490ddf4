package org.detecta.interview;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The best k questions are the first k of a full sort, ties (many gains of 0) broken by id alike. */
class RankedQuestionTest {
  @Test
  void bestIsTheHeadOfTheFullSort() {
    Random random = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      List<RankedQuestion> all = new ArrayList<>();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        double gain = random.nextInt(3) == 0 ? 0 : Math.round(random.nextDouble() * 20) / 20.0;
        all.add(new RankedQuestion(new Question("Q" + random.nextInt(1000) + "_" + i, QuestionKind.BINARY,
            java.util.Optional.empty(), "", "", List.of(), "no"), gain));
      }
      List<RankedQuestion> sorted = new ArrayList<>(all);
      sorted.sort(RankedQuestion.ORDER);
      int k = random.nextInt(n + 3);
      assertEquals(sorted.subList(0, Math.min(k, n)), RankedQuestion.best(all, k), "n " + n + ", k " + k);
    }
  }
}
