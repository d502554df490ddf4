package org.detecta.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.Sex;
import org.junit.jupiter.api.Test;

/** Condition profiles: incompatible classes fall behind, they are stored with the model, and the real release obeys them. */
class ConditionProfilesTest {
  private static final List<String> CLASSES = List.of("A", "B", "C");
  private static final ConditionProfiles PROFILES = new ConditionProfiles(Map.of("A", Set.of("E_1", "E_56"), "B", Set.of("E_1", "E_2")));
  private static final FeatureSpace SPACE = new FeatureSpace(List.of("E_1", "E_2", "E_3"), Map.of("E_56", 10.0), true, PROFILES);

  private static double[] restricted(List<String> findings, double... p) {
    double[] x = SPACE.encode(findings, Sex.MALE, Optional.of(40.0)).x();
    return SPACE.restrict(new double[][] {x}, new double[][] {p}, CLASSES)[0];
  }

  @Test
  void incompatibleClassesFallBehindAndTheRowStaysADistribution() {
    double[] p = restricted(List.of("E_1", "E_2"), 0.6, 0.3, 0.1);
    assertTrue(p[1] > p[2] && p[2] > p[0], "B shows E_2, C has no profile, A cannot show E_2: " + java.util.Arrays.toString(p));
    assertEquals(0.6 * ConditionProfiles.INCOMPATIBLE / (0.3 + 0.1 + 0.6 * ConditionProfiles.INCOMPATIBLE), p[0], 1e-12);
    assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
    double[] scale = restricted(List.of("E_56_@_7"), 0.2, 0.7, 0.1);
    assertTrue(scale[0] > scale[1], "a numeric answer counts as showing E_56, which only A can show");
  }

  @Test
  void rowsWithoutEvidenceOrCompatibleClassKeepTheirOrder() {
    assertArrayEquals(new double[] {0.6, 0.3, 0.1}, restricted(List.of(), 0.6, 0.3, 0.1), 1e-12);
    ConditionProfiles both = new ConditionProfiles(Map.of("A", Set.of("E_1"), "B", Set.of("E_1"), "C", Set.of("E_1")));
    assertArrayEquals(new double[] {0.6, 0.3, 0.1}, both.restrict(Set.of("E_3"), CLASSES, new double[] {0.6, 0.3, 0.1}), 1e-12);
    FeatureSpace symptoms = FeatureSpace.symptoms(List.of("E_1", "E_2"));
    double[][] p = {{0.5, 0.5, 0.0}};
    assertEquals(p, symptoms.restrict(new double[][] {{1, 1}}, p, CLASSES), "no profiles: probabilities untouched");
  }

  @Test
  void profilesAreStoredAndVersionOneAndTwoArtifactsStillLoad() throws Exception {
    double[][] x = {SPACE.encode(List.of("E_1"), Sex.MALE, Optional.of(30.0)).x(), SPACE.encode(List.of("E_2"), Sex.FEMALE,
        Optional.of(60.0)).x(), SPACE.encode(List.of("E_3"), Sex.MALE, Optional.of(10.0)).x()};
    ModelSpec spec = new ModelSpec("logistic", Map.of("epochs", 20, "learningRate", 0.5), "none", 0);
    ProbabilisticClassifier classifier = Families.fit(spec, x, new int[] {0, 1, 2}, CLASSES, 1);
    byte[] current = new CommonModelArtifact("toy", spec.toString(), SPACE, Optional.empty(), 1.0, CLASSES,
        classifier.libraryBytes().orElseThrow()).toBytes();
    String withProfiles = new String(current, StandardCharsets.UTF_8);
    CommonModel restored = CommonModel.load(current);
    assertEquals(PROFILES, restored.features().profiles());
    assertEquals("B", restored.rank(org.detecta.diagnosis.Query.of(List.of("E_2"), List.of()), 1).candidates().get(0).id());

    String json = new String(new CommonModelArtifact("toy", spec.toString(), FeatureSpace.symptoms(List.of("E_1", "E_2", "E_3")),
        Optional.empty(), 1.0, CLASSES, classifier.libraryBytes().orElseThrow()).toBytes(), StandardCharsets.UTF_8);
    assertTrue(json.contains(CommonModelArtifact.FORMAT) && !json.contains("profiles"), "no profiles key without profiles");
    byte[] v1 = json.replace(CommonModelArtifact.FORMAT, "detecta-common-model/1").getBytes(StandardCharsets.UTF_8);
    assertTrue(CommonModel.load(v1).features().profiles().isEmpty());
    byte[] v2 = withProfiles.replace(CommonModelArtifact.FORMAT, "detecta-common-model/2").getBytes(StandardCharsets.UTF_8);
    assertEquals(PROFILES, CommonModel.load(v2).features().profiles(), "version 2 (Tribuo protobuf, profiles) still loads");
    byte[] v9 = json.replace(CommonModelArtifact.FORMAT, "detecta-common-model/9").getBytes(StandardCharsets.UTF_8);
    java.io.IOException refused = assertThrows(java.io.IOException.class, () -> CommonModel.load(v9));
    assertTrue(refused.getMessage().contains("retrain"), refused.getMessage());
  }

  @Test
  void denseNetworkArtifactKeepsProfiles() throws Exception {
    DenseNetwork network = new DenseNetwork(List.of(new DenseNetwork.Layer(new double[CLASSES.size()][SPACE.size()], new double[3])));
    byte[] bytes = DenseNetworkArtifact.toBytes("toy", "dense", SPACE, 1.0, CLASSES, network);
    CommonModel restored = CommonModel.load(bytes);
    assertEquals(PROFILES, restored.features().profiles());
    assertEquals("B", restored.rank(org.detecta.diagnosis.Query.of(List.of("E_2"), List.of()), 1).candidates().get(0).id());
  }

  /** The knowledge is sound on the real release: every patient shows only evidences its own pathology can show. */
  @Test
  void everyDdxplusPatientIsCompatibleWithItsOwnPathology() throws Exception {
    java.nio.file.Path dir = org.detecta.SharedData.dir().resolve("ddxplus");
    FeatureSpace space = FeatureSpace.ddxplus(DdxplusCatalog.load(dir));
    assertEquals(49, space.profiles().evidences().size());
    List<DdxplusPatient> patients = new DdxplusReader().readPatients(dir.resolve("patients.csv")).patients();
    assertTrue(patients.size() > 1000);
    for (DdxplusPatient p : patients) {
      Set<String> shown = space.shownEvidence(space.encode(p.patient().observed(), p.patient().sex(), p.patient().ageYears()).x());
      assertTrue(space.profiles().compatible(p.diagnosis(), shown), p.patient().id() + " " + p.diagnosis() + " " + shown);
    }
  }
}
