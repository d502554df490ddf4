package org.detecta.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  @Test
  void metricsMatchHandComputation() {
    double[][] p = {{0.7, 0.2, 0.1}, {0.5, 0.4, 0.1}, {0.1, 0.1, 0.8}, {0.2, 0.3, 0.5}};
    int[] y = {0, 1, 2, 0};
    Evaluation e = Evaluation.of(p, y, List.of("a", "b", "c"));
    assertEquals(0.5, e.metrics().get("top1"), 1e-12);
    assertEquals(1.0, e.metrics().get("top3"), 1e-12);
    // recalls: a 1/2, b 0, c 1 → macro 0.5
    assertEquals(0.5, e.metrics().get("macroRecall"), 1e-12);
    double logLoss = -(Math.log(0.7) + Math.log(0.4) + Math.log(0.8) + Math.log(0.2)) / 4;
    assertEquals(logLoss, e.metrics().get("logLoss"), 1e-12);
    double brier = ((0.09 + 0.04 + 0.01) + (0.25 + 0.36 + 0.01) + (0.01 + 0.01 + 0.04) + (0.64 + 0.09 + 0.25)) / 4;
    assertEquals(brier, e.metrics().get("brier"), 1e-12);
    // bins of width 1/15: 0.7 → bin 10 (right), 0.5 → bin 7 (wrong), 0.8 → bin 12 (right), 0.5 → bin 7 (wrong)
    double ece = (Math.abs(1 - 0.7) + Math.abs(0 - 0.5) * 2 + Math.abs(1 - 0.8)) / 4;
    assertEquals(ece, e.metrics().get("ece"), 1e-12);
    assertEquals(1, e.confusion()[1][0]);
    assertEquals(2, e.perClass().get(0).support());
  }

  @Test
  void temperatureSoftensOverconfidentMistakesWithoutReordering() {
    double[][] p = new double[100][];
    int[] y = new int[100];
    for (int i = 0; i < 100; i++) {
      p[i] = new double[] {0.98, 0.01, 0.01};
      y[i] = i % 3 == 0 ? 1 : 0;
    }
    double t = TemperatureScaling.fit(p, y);
    assertTrue(t > 1.5, "overconfident model needs T > 1, got " + t);
    double[] q = TemperatureScaling.apply(p[0], t);
    assertTrue(q[0] < 0.98 && q[0] > q[1]);
    assertEquals(1.0, q[0] + q[1] + q[2], 1e-12);
  }

  @Test
  void temperatureKeepsTheOrderOfTinyProbabilities() {
    double[] p = {1 - 1e-20 - 1e-40 - 1e-200, 1e-200, 1e-40, 1e-20, 0.0};
    for (double t : new double[] {0.8, 1.0, 3.0}) {
      double[] q = TemperatureScaling.apply(p, t);
      assertTrue(q[0] > q[3] && q[3] > q[2] && q[2] > q[1] && q[1] > q[4], t + ": " + java.util.Arrays.toString(q));
      assertEquals(1.0, java.util.Arrays.stream(q).sum(), 1e-12);
    }
  }

  @Test
  void affineProbeRecoversALinearMap() {
    double[][] w = {{1, 2, 0}, {0, -1, 3}};
    double[] b = {0.5, -1};
    AffineProjection truth = new AffineProjection(w, b);
    AffineProjection probed = AffineProjection.probe(3, truth::apply);
    double[] x = {0.3, 1, 2};
    assertEquals(truth.apply(x)[0], probed.apply(x)[0], 1e-12);
    assertEquals(truth.apply(x)[1], probed.apply(x)[1], 1e-12);
    assertEquals(2.0, AffineProjection.select(3, new int[] {2}).apply(x)[0], 1e-12);
  }
}
