package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-term reporting rates: case weight showing a feature against the weight the KB frequencies predict. */
class ReportingRatesTest {
  // Terms 0..3; KB diseases 0 and 1, disease 2 known only from cases.
  private static final List<Map<Integer, Float>> KB = List.of(Map.of(0, 0.5f, 1, 0.5f), Map.of(0, 0.5f, 2, 0.8f));

  @Test
  void rateIsObservedOverExpectedShrunkTowardOne() {
    CaseProfiles cases = new CaseProfiles(Map.of(
        "D0", new CaseProfiles.Learned(4, Map.of(0, 4f, 3, 4f), new int[] {0, 3}),
        "D1", new CaseProfiles.Learned(2, Map.of(0, 2f, 2, 1f), new int[] {0, 2}),
        "D2", new CaseProfiles.Learned(5, Map.of(0, 5f, 1, 5f), new int[] {0, 1})));
    float[] r = ReportingRates.learn(KB, cases, Map.of("D0", 0, "D1", 1, "D2", 2), 4, 1.0);
    // term 0: shown by 4 + 2 case-weight, expected 4·0.5 + 2·0.5 = 3 → (6 + 1) / (3 + 1)
    assertEquals(7.0 / 4, r[0], 1e-6);
    // term 1: D0's cases never show it (expected 2); D2 is not a KB disease and does not count
    assertEquals(1.0 / 3, r[1], 1e-6);
    // term 2: 1 shown, 1.6 expected
    assertEquals(2.0 / 2.6, r[2], 1e-6);
    // term 3: shown by D0's cases but not annotated to D0 (unexplained, not a reporting rate): stays 1
    assertEquals(1.0, r[3], 1e-6);
  }

  @Test
  void correctedFrequenciesStayWithinTheirBounds() {
    float[] rate = {3f, 1e-4f, 1f, 1f};
    List<Map<Integer, Float>> out = ReportingRates.apply(KB, rate);
    assertEquals(1f, out.get(0).get(0), "capped at 1");
    assertEquals(RankParameters.MIN_FREQUENCY, out.get(0).get(1), "floored at the minimum frequency");
    assertEquals(0.8f, out.get(1).get(2), 1e-6);
    assertEquals(Map.of(0, 0.5f, 1, 0.5f), KB.get(0), "the input is not modified");
  }
}
