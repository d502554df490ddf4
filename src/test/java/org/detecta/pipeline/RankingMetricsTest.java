package org.detecta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  @Test
  void unrankedCasesStayInTheDenominator() {
    RankingMetrics m = RankingMetrics.of(new int[] {1, 2, 5, 0});
    assertEquals(4, m.cases());
    assertEquals(0.25, m.top1(), 1e-12);
    assertEquals(0.5, m.top3(), 1e-12);
    assertEquals(0.75, m.top10(), 1e-12);
    assertEquals((1 + 0.5 + 0.2) / 4, m.mrr(), 1e-12);
  }

  @Test
  void maskingHidesTheFractionButKeepsOneFinding() {
    assertEquals(2, CaseEvaluator.keep(List.of("a", "b", "c", "d"), 0.5, new Random(1)).size());
    assertEquals(1, CaseEvaluator.keep(List.of("a"), 0.9, new Random(1)).size());
    assertEquals(0, CaseEvaluator.keep(List.of(), 0.5, new Random(1)).size());
  }
}
