package org.detecta.combined;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.DiseaseKind;
import org.detecta.diagnosis.MatchKind;
import org.detecta.diagnosis.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The combination's behaviour on a small world (see {@link CombinedFixtures}), gate fitted like in training. */
class CombinedModelTest {
  private static Engines engines;
  private static double[][] weights;

  @BeforeAll
  static void fit() {
    engines = CombinedFixtures.engines();
    weights = CombinedFixtures.fittedGate(engines);
  }

  private static CombinedModel model(double priorRare) {
    return new CombinedModel(engines, new WorldGate(weights, WorldGate.priors(priorRare)));
  }

  private static double mass(Differential d, DiseaseKind kind) {
    return d.candidates().stream().filter(c -> c.kind() == kind).mapToDouble(Candidate::probability).sum();
  }

  @Test
  void stronglyRarePointingHpoSetRanksTheRareDiseaseFirst() {
    Differential d = model(0.05).diagnose(CombinedFixtures.q("HP:0011153", "HP:0001263", "HP:0001290", "HP:0000252"), 5);
    Candidate top = d.candidates().get(0);
    assertEquals(DiseaseKind.RARE, top.kind(), d.toString());
    assertEquals("OMIM:614959", top.id());
    assertTrue(top.evidence().stream().anyMatch(e -> e.match() == MatchKind.EXACT), "rare evidence comes from the rare engine");
  }

  @Test
  void commonSymptomSetRanksTheCommonDiseaseFirstWhateverItsVocabulary() {
    Differential d = model(0.05).diagnose(CombinedFixtures.q("cough", "sneezing", "runny nose"), 5);
    assertEquals("Common Cold", d.candidates().get(0).id(), d.toString());
    assertEquals(DiseaseKind.COMMON, d.candidates().get(0).kind());
    assertTrue(d.candidates().get(0).evidence().stream().allMatch(e -> e.match() == MatchKind.LEARNED));
    assertTrue(mass(model(0.05).diagnose(CombinedFixtures.q("E_3"), 0), DiseaseKind.COMMON) > 0.9);
  }

  @Test
  void aSharedNameIsOneCandidateWithBothEnginesProbability() {
    Differential d = model(0.05).diagnose(CombinedFixtures.q("fever", "E_4"), 0);
    assertEquals(1, d.candidates().stream().filter(c -> c.id().equals("Influenza")).count());
    assertEquals("Influenza", d.candidates().get(0).id());
  }

  @Test
  void probabilitiesSumToAtMostOneAndTheFullDifferentialToOne() {
    for (List<Query> world : CombinedFixtures.validation()) {
      for (Query query : world) {
        Differential all = model(0.05).diagnose(query, 0);
        double sum = all.candidates().stream().mapToDouble(Candidate::probability).sum();
        assertEquals(1.0, sum, 1e-6, query.toString());
        double top3 = model(0.05).diagnose(query, 3).candidates().stream().mapToDouble(Candidate::probability).sum();
        assertTrue(top3 <= 1.0 + 1e-9);
        for (int i = 1; i < all.candidates().size(); i++) {
          assertTrue(all.candidates().get(i - 1).probability() >= all.candidates().get(i).probability());
        }
      }
    }
  }

  @Test
  void gateIsCalibratedIshOnItsOwnValidationWorlds() {
    WorldGate gate = new WorldGate(weights, WorldGate.priors(1.0 / 3));
    List<List<Query>> worlds = CombinedFixtures.validation();
    for (int w = 0; w < worlds.size(); w++) {
      double mean = 0;
      for (Query query : worlds.get(w)) {
        mean += gate.probabilities(engines.score(query, 0).features())[w];
      }
      mean /= worlds.get(w).size();
      assertTrue(mean > 0.6 && mean < 1.0, "world " + WorldGate.WORLDS.get(w) + " mean probability " + mean);
    }
  }

  @Test
  void aRareDiseaseRisesOnlyAsThePriorAndTheFindingsAllow() {
    Query ambiguous = CombinedFixtures.q("HP:0001250", "fever");
    double low = mass(model(0.01).diagnose(ambiguous, 0), DiseaseKind.RARE);
    double mid = mass(model(0.05).diagnose(ambiguous, 0), DiseaseKind.RARE);
    double high = mass(model(0.3).diagnose(ambiguous, 0), DiseaseKind.RARE);
    assertTrue(low < mid && mid < high, low + " < " + mid + " < " + high);
    Query rare = CombinedFixtures.q("HP:0011153", "HP:0001263", "HP:0001290", "HP:0000252");
    assertTrue(mass(model(0.05).diagnose(rare, 0), DiseaseKind.RARE) > mid, "specific rare findings outweigh the prior");
  }

  @Test
  void unknownFindingsAreReportedNotGuessed() {
    Differential d = model(0.05).diagnose(CombinedFixtures.q("cough", "no_such_symptom", "HP:9999999"), 3);
    assertEquals(List.of("no_such_symptom", "HP:9999999"), d.unrecognised());
    assertFalse(d.candidates().isEmpty());
  }

  @Test
  void artifactRoundTripKeepsGateAndMapping() throws Exception {
    byte[] bytes = new CombinedArtifact(weights, WorldGate.priors(0.05), CombinedFixtures.MAP.rows(), new byte[] {1},
        new byte[] {2}, new byte[] {3}).toBytes();
    CombinedArtifact back = CombinedArtifact.fromBytes(bytes);
    assertEquals(CombinedFixtures.MAP.rows(), back.mapping());
    assertEquals(weights[0][0], back.gateWeights()[0][0]);
    assertEquals(3, back.kaggle()[0]);
  }
}
