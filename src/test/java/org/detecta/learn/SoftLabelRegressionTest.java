package org.detecta.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Soft-label regression learns target distributions; the reference model is mixed after the profiles and stored. */
class SoftLabelRegressionTest {
  private static final List<String> CLASSES = List.of("cold", "flu", "gastro");
  private static final FeatureSpace SPACE = FeatureSpace.symptoms(List.of("cough", "fever", "vomiting"));
  private static final double[][] X = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}};
  private static final int[] Y = {0, 0, 1, 1, 2, 2};
  /** "cough" patients' reference: cold 0.6, flu 0.4; "fever": flu 0.7, cold 0.3; "vomiting": gastro alone. */
  private static final double[][] TARGETS = {{0.6, 0.4, 0}, {0.6, 0.4, 0}, {0.3, 0.7, 0}, {0.3, 0.7, 0}, {0, 0, 1}, {0, 0, 1}};

  @Test
  void fitsTheTargetDistributions() {
    DenseNetwork network = SoftLabelRegression.fit(X, TARGETS, new SoftLabelRegression.Settings(3000, 1.0, 0.0));
    double[][] p = network.probabilities(new double[][] {{1, 0, 0}, {0, 1, 0}});
    assertArrayEquals(new double[] {0.6, 0.4, 0.0}, p[0], 0.03);
    assertArrayEquals(new double[] {0.3, 0.7, 0.0}, p[1], 0.03);
    assertThrows(IllegalArgumentException.class, () -> SoftLabelRegression.fit(X, new double[1][3], SoftLabelRegression.Settings.defaults()));
  }

  @Test
  void referenceIsMixedAfterCalibrationAndStored() throws Exception {
    ModelSpec spec = new ModelSpec("naive-bayes", Map.of("alpha", 0.1), "none", 0);
    ProbabilisticClassifier classifier = Families.fit(spec, X, Y, CLASSES, 1);
    CommonModel.Reference reference = new CommonModel.Reference(
        SoftLabelRegression.fit(X, TARGETS, SoftLabelRegression.Settings.defaults()), 0.1);
    CommonModel plain = new CommonModel("toy", SPACE, Optional.empty(), classifier, 0.9, CLASSES);
    CommonModel mixed = new CommonModel("toy", SPACE, Optional.empty(), classifier, 0.9, CLASSES, Optional.of(reference));
    double[] row = {1, 0, 0};
    double[] p = plain.probabilities(new double[][] {row})[0];
    double[] soft = reference.network().probabilities(new double[][] {row})[0];
    double[] q = mixed.probabilities(new double[][] {row})[0];
    for (int c = 0; c < CLASSES.size(); c++) {
      assertEquals(0.9 * p[c] + 0.1 * soft[c], q[c], 1e-12);
    }
    assertTrue(q[1] > p[1], "flu, in the cough patients' reference differential, rises in the tail");

    byte[] bytes = CommonModelArtifact.store("toy", spec.toString(), SPACE, Optional.empty(), 0.9, CLASSES, classifier,
        Optional.of(reference)).orElseThrow();
    assertArrayEquals(q, CommonModel.load(bytes).probabilities(new double[][] {row})[0], 1e-12);
    String json = new String(bytes, StandardCharsets.UTF_8);
    byte[] bad = json.replace("\"bias\":[", "\"bias\":[0.0,").getBytes(StandardCharsets.UTF_8);
    java.io.IOException refused = assertThrows(java.io.IOException.class, () -> CommonModel.load(bad));
    assertTrue(refused.getMessage().contains("corrupt reference model"), refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CommonModel.Reference(reference.network(), 1.0));
  }
}
