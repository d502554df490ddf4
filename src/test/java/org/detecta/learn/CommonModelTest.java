package org.detecta.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.Query;
import org.junit.jupiter.api.Test;

/** A tiny symptom model: stored as JSON + Tribuo protobuf, restored with identical output, explained per finding. */
class CommonModelTest {
  private static final List<String> CLASSES = List.of("cold", "flu", "gastro");
  private static final FeatureSpace SPACE = FeatureSpace.symptoms(List.of("cough", "fever", "runny_nose", "vomiting", "diarrhoea"));

  @Test
  void artifactRoundTripKeepsPredictionsAndExplainsFindings() throws Exception {
    List<List<String>> rows = List.of(List.of("cough", "runny_nose"), List.of("runny_nose"), List.of("cough", "fever"),
        List.of("fever"), List.of("vomiting", "diarrhoea"), List.of("diarrhoea"));
    int[] y = {0, 0, 1, 1, 2, 2};
    double[][] x = rows.stream().map(r -> SPACE.encode(r, org.detecta.cases.Sex.UNKNOWN, Optional.empty()).x()).toArray(double[][]::new);
    ModelSpec spec = new ModelSpec("logistic", Map.of("epochs", 50, "learningRate", 0.5), "none", 0);
    ProbabilisticClassifier classifier = Families.fit(spec, x, y, CLASSES, 1);
    CommonModel model = new CommonModel("toy", SPACE, Optional.empty(), classifier, 1.3, CLASSES);
    byte[] bytes = new CommonModelArtifact("toy", spec.toString(), SPACE, Optional.empty(), 1.3, CLASSES,
        classifier.libraryBytes().orElseThrow()).toBytes();
    CommonModel restored = CommonModel.load(bytes);
    assertTrue(((TribuoClassifier) classifier).asDenseNetwork().isPresent(), "logistic regression takes the fast path");
    assertArrayEquals(model.probabilities(x)[4], restored.probabilities(x)[4], 1e-12);

    Differential d = restored.diagnose(Query.of(List.of("vomiting", "diarrhoea", "purple_toes"), List.of()), 3);
    assertEquals("gastro", d.candidates().get(0).id());
    assertEquals(List.of("purple_toes"), d.unrecognised());
    Candidate best = d.candidates().get(0);
    assertEquals(2, best.evidence().size());
    assertTrue(best.evidence().stream().allMatch(e -> e.contribution() > 0), "both findings argue for gastro: " + best.evidence());
    Evidence forFlu = d.candidates().stream().filter(c -> c.id().equals("flu")).findFirst().orElseThrow().evidence().get(0);
    assertTrue(forFlu.contribution() < 0, "gastro findings argue against flu: " + forFlu);
    assertEquals(1.0, d.candidates().stream().mapToDouble(Candidate::probability).sum(), 1e-9);
  }

  @Test
  void ddxplusNumericAnswersAreScaled() {
    FeatureSpace space = new FeatureSpace(List.of("E_91"), Map.of("E_56", 10.0), true);
    FeatureSpace.Encoding e = space.encode(List.of("E_91", "E_56_@_7", "E_999"), org.detecta.cases.Sex.MALE, Optional.of(50.0));
    assertArrayEquals(new double[] {1.0, 0.7, 0.5, 1.0}, e.x(), 1e-12);
    assertEquals(List.of("E_999"), e.unrecognised());
  }
}
