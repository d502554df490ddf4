package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Answer rates: the hand-set reference, and counted rates shrunk toward it per band of P(t | d). */
class HpoAnswerRatesTest {
  @Test
  void fixedRatesAreTheHandSetFormula() {
    HpoAnswerRates fixed = HpoAnswerRates.fixed();
    assertEquals(0.4, fixed.yes(0.8), 1e-12);
    assertEquals(0.03, fixed.no(0.8), 1e-12);
  }

  @Test
  void countedBandsDominateWithManyAnswersAndFallBackToTheReferenceWithNone() {
    double[][] counts = new double[HpoAnswerRates.BANDS.length][3];
    int high = HpoAnswerRates.band(0.95);
    counts[high] = new double[] {9000, 100, 900};
    HpoAnswerRates r = HpoAnswerRates.binned(counts, 20);
    assertEquals(0.9, r.yes(0.95), 0.01);
    assertEquals(0.01, r.no(0.99), 0.01);
    int low = HpoAnswerRates.band(0.03);
    assertTrue(low != high);
    double mid = (0.02 + 0.05) / 2;
    assertEquals(0.5 * mid, r.yes(0.03), 1e-12, "no answers counted: the reference at the band's middle");
    assertEquals(0.15 * (1 - mid), r.no(0.03), 1e-12);
  }
}
