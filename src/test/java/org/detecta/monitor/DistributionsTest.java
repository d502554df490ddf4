package org.detecta.monitor;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionsTest {
  @Test
  void chiSquarePValuesMatchTables() {
    assertEquals(0.05, Distributions.upperGamma(1.0, 5.991 / 2), 1e-3);   // df 2
    assertEquals(0.01, Distributions.upperGamma(5.0, 23.209 / 2), 1e-3); // df 10
    assertEquals(0.05, Distributions.upperGamma(0.5, 3.841 / 2), 1e-3);  // df 1
  }

  @Test
  void psiIsZeroForEqualAndGrowsWithShift() {
    Map<String, Double> ref = Map.of("a", 0.5, "b", 0.3, "c", 0.2);
    assertEquals(0.0, Distributions.psi(ref, ref, 1e-4), 1e-12);
    double small = Distributions.psi(ref, Map.of("a", 0.45, "b", 0.33, "c", 0.22), 1e-4);
    double large = Distributions.psi(ref, Map.of("a", 0.1, "b", 0.3, "c", 0.6), 1e-4);
    assertTrue(small < 0.1 && large > 0.25, small + " " + large);
  }

  @Test
  void chiSquareDetectsCountsFarFromExpectation() {
    Map<String, Double> ref = Map.of("a", 0.5, "b", 0.5);
    assertTrue(Distributions.chiSquare(ref, Map.of("a", 52, "b", 48)).pValue() > 0.5);
    assertTrue(Distributions.chiSquare(ref, Map.of("a", 80, "b", 20)).pValue() < 1e-6);
  }
}
