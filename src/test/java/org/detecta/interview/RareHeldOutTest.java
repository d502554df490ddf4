package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.detecta.rank.FusionModel;
import org.detecta.rank.RankParameters;
import org.detecta.rank.RareEngine;
import org.detecta.rank.RareTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The held-out engine of interview evaluation is the stored model's, minus the held-out publications' cases. */
class RareHeldOutTest {
  @Test
  void heldOutEngineKeepsTheStoredConstantsAndFusionAndHoldsOutWholePublications(@TempDir Path dir) throws Exception {
    Path rank = Path.of(getClass().getResource("/org/detecta/rank/hp.small.json").toURI()).getParent();
    KnowledgeBase kb = KnowledgeBaseLoader.load(rank.resolve("hp.small.json"), rank.resolve("small.hpoa"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(dir.resolve("case" + i + ".json"), """
          {"id": "case%d", "subject": {"id": "p%d", "sex": "FEMALE"},
           "phenotypicFeatures": [{"type": {"id": "HP:0001250", "label": "Seizure"}}],
           "diseases": [{"term": {"id": "OMIM:100001", "label": "Alpha syndrome"}}],
           "metaData": {"externalReferences": [{"id": "PMID:%d"}]}}
          """.formatted(i, i, 1000 + i / 2));
    }
    RankParameters tuned = RankParameters.defaults().withNoise(0.2).withNotPenalty(1.0).withReportingPseudoCount(3);
    assertNotEquals(RankParameters.defaults(), tuned);
    FusionModel fusion = FusionModel.of(Map.of("similarity", 1.0, "lr-kb", 0.5), 0.9);
    RareEngine stored = new RareTrainer(kb, tuned, Map.of()).engine(List.of(), fusion);
    RareHeldOut heldOut = RareHeldOut.build(kb, stored, dir, 1);
    assertEquals(tuned, heldOut.engine().scoringModel().parameters(), "the constants the fusion was fitted with");
    assertEquals(fusion, heldOut.engine().weights());
    assertTrue(!heldOut.testIds().isEmpty() && heldOut.testIds().size() < 20, heldOut.testIds().toString());
    for (String id : heldOut.testIds()) {
      String partner = "case" + (Integer.parseInt(id.substring(4)) ^ 1); // same publication
      assertTrue(heldOut.testIds().contains(partner), id + " held out without " + partner);
      assertTrue(!heldOut.engine().trainingCaseIds().contains(id), id + " is held out but trained on");
    }
  }
}
