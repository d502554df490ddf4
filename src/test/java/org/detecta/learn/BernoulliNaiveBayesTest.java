package org.detecta.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bernoulli naive Bayes: an absent finding counts (weighted), and the linear layer equals the textbook formula. */
class BernoulliNaiveBayesTest {
  // class 0 always shows findings 0 and 1; class 1 shows finding 0 only; finding 2 is a half-scaled numeric answer
  private static final double[][] X = {{1, 1, 0.5}, {1, 1, 0.5}, {1, 1, 0}, {1, 0, 0}, {1, 0, 0}, {1, 0, 0.5}};
  private static final int[] Y = {0, 0, 0, 1, 1, 1};

  @Test
  void absenceOfAFindingIsEvidenceOnlyWithAbsenceWeight() {
    double[] full = BernoulliNaiveBayes.fit(X, Y, 2, 0.1, 1.0).probabilities(new double[][] {{1, 0, 0}})[0];
    assertTrue(full[1] > 0.95, "class 0 nearly always shows finding 1, so its absence points to class 1: " + full[1]);
    double[] presentOnly = BernoulliNaiveBayes.fit(X, Y, 2, 0.1, 0.0).probabilities(new double[][] {{1, 0, 0}})[0];
    assertEquals(0.5, presentOnly[1], 1e-12, "without absences both classes explain finding 0 equally");
  }

  @Test
  void layerEqualsTheFormula() {
    double alpha = 0.5;
    double[] row = {1, 0, 0.5};
    double[] p = BernoulliNaiveBayes.fit(X, Y, 2, alpha, 1.0).probabilities(new double[][] {row})[0];
    double[] log = new double[2];
    double[][] present = {{3, 3, 1.0}, {3, 0, 0.5}};
    for (int c = 0; c < 2; c++) {
      log[c] = Math.log((3 + 1) / (6.0 + 2));
      for (int j = 0; j < 3; j++) {
        double q = (present[c][j] + alpha) / (3 + 2 * alpha);
        log[c] += row[j] * Math.log(q) + (1 - row[j]) * Math.log(1 - q);
      }
    }
    assertEquals(1 / (1 + Math.exp(log[0] - log[1])), p[1], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> BernoulliNaiveBayes.fit(X, Y, 2, 0.0, 1.0));
  }
}
