package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-candidate fusion features on the 21-term test ontology: namespace, gate and rank-bucket features. */
class FusionFeaturesTest {
  private static KnowledgeBase kb;
  private static ScoringModel model;

  @BeforeAll
  static void load() throws Exception {
    Path dir = Path.of(FusionFeaturesTest.class.getResource("hp.small.json").toURI()).getParent();
    kb = KnowledgeBaseLoader.load(dir.resolve("hp.small.json"), dir.resolve("small.hpoa"));
    RareTrainer trainer = new RareTrainer(kb, RankParameters.defaults(), Map.of());
    model = trainer.scoringModel(List.of(
        patient("c1", "PMID:1", "OMIM:999999", "HP:0001629", "HP:0000107"),
        patient("c2", "PMID:2", "ORPHA:77", "HP:0001250", "HP:0000252"),
        patient("c3", "PMID:3", "OMIM:100005", "HP:0000256")));
  }

  private static ResolvedCase patient(String id, String pmid, String disease, String... observed) {
    int[] terms = new TermResolver(kb.terms()).resolve(List.of(observed), new ArrayList<>());
    return new ResolvedCase(id, pmid, terms, new int[0], List.of(disease), List.of());
  }

  private static float feature(FusionFeatures features, String disease, String name) {
    float[] x = new float[FusionFeatures.COUNT];
    features.row(model.indexOf(disease), x);
    return x[FusionFeatures.NAMES.indexOf(name)];
  }

  private static float[][] components(String... observed) {
    int[] terms = new TermResolver(kb.terms()).resolve(List.of(observed), new ArrayList<>());
    return model.scoreAll(terms, new int[0]);
  }

  private static FusionFeatures features(float[][] components) {
    boolean[] all = new boolean[ScoringModel.COMPONENTS];
    java.util.Arrays.fill(all, true);
    return new FusionFeatures(components, model, all);
  }

  @Test
  void namespaceFlagMarksOmimEntriesOnly() {
    FusionFeatures f = features(components("HP:0001250"));
    assertEquals(1f, feature(f, "OMIM:100001", "omim"));
    assertEquals(1f, feature(f, "OMIM:999999", "omim"), "a case-only OMIM disease");
    assertEquals(0f, feature(f, "ORPHA:77", "omim"));
  }

  @Test
  void gateFeaturesCompareSeenAndKbOnlyCandidates() {
    float[][] c = components("HP:0001250");
    FusionFeatures f = features(c);
    float[] similarity = c[ScoringModel.SIMILARITY];
    float seenBest = 0;
    float otherBest = 0;
    float maxKnn = 0;
    for (int d = 0; d < model.size(); d++) {
      if (model.learned(d)) {
        seenBest = Math.max(seenBest, similarity[d]);
      } else {
        otherBest = Math.max(otherBest, similarity[d]);
      }
      maxKnn = Math.max(maxKnn, c[ScoringModel.KNN][d]);
    }
    assertTrue(maxKnn > 0 && maxKnn < 1, "the query partly resembles case c2: " + maxKnn);
    assertEquals(seenBest - otherBest, feature(f, "ORPHA:77", "seen*similarity-gap"), 1e-6);
    assertEquals(0f, feature(f, "OMIM:100001", "seen*similarity-gap"), "KB-only disease");
    int alpha = model.indexOf("OMIM:100001");
    assertEquals(similarity[alpha] * (1 - maxKnn), feature(f, "OMIM:100001", "kb-only*similarity*(1-max-knn)"), 1e-6);
    assertEquals(0f, feature(f, "ORPHA:77", "kb-only*similarity*(1-max-knn)"), "seen disease");
  }

  @Test
  void topThreeBucketFlagsExactlyTheThreeBestBySimilarity() {
    float[][] c = components("HP:0001631", "HP:0001166");
    FusionFeatures f = features(c);
    int[] top = Ranks.top(c[ScoringModel.SIMILARITY], 3);
    int flagged = 0;
    for (int d = 0; d < model.size(); d++) {
      float flag = feature(f, model.id(d), "top3:similarity");
      flagged += (int) flag;
      boolean inTop = d == top[0] || d == top[1] || d == top[2];
      assertEquals(inTop ? 1f : 0f, flag, model.id(d));
    }
    assertEquals(3, flagged);
  }
}
