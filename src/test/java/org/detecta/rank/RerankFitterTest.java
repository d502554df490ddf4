package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The boosted second stage: its loss, what it learns that a linear score cannot, and its stored form. */
class RerankFitterTest {
  @Test
  void groupSoftmaxGradientIsProbabilityMinusTarget() {
    float[] label = {0, 1, 0, 1, 1};
    float[][] predicts = {{0f}, {1f}, {2f}, {0f}, {0f}};
    List<float[]> gh = RerankFitter.groupSoftmax(new int[] {0, 3, 5}, label).getGradient(predicts, null);
    double z = 1 + Math.E + Math.exp(2);
    assertEquals(1 / z, gh.get(0)[0], 1e-6);
    assertEquals(Math.E / z - 1, gh.get(0)[1], 1e-6);
    assertEquals(Math.exp(2) / z * (1 - Math.exp(2) / z), gh.get(1)[2], 1e-6);
    // two true rows in the second group share the target: p = 1/2 each, target 1/2 each
    assertEquals(0, gh.get(0)[3], 1e-6);
    assertEquals(0.25, gh.get(1)[4], 1e-6);
  }

  /**
   * Cases of 10 candidates with equal linear logits; the truth is the candidate whose first two features are on the
   * same side of 0.5 while the others are not (an interaction no linear score expresses): the trees must find it.
   */
  @Test
  void treesLearnAnInteractionTheLinearFusionCannotAndTheStoredModelScoresTheSame() throws Exception {
    Random random = new Random(3);
    List<RerankFitter.Group> groups = new ArrayList<>();
    for (int c = 0; c < 300; c++) {
      int rows = 10;
      float[] x = new float[rows * Reranker.WIDTH];
      boolean[] truth = new boolean[rows + 1];
      int target = random.nextInt(rows);
      for (int r = 0; r < rows; r++) {
        float a = random.nextFloat();
        float b = r == target ? (a > 0.5f ? 0.5f + random.nextFloat() / 2 : random.nextFloat() / 2)
            : (a > 0.5f ? random.nextFloat() / 2 : 0.5f + random.nextFloat() / 2);
        x[r * Reranker.WIDTH] = a;
        x[r * Reranker.WIDTH + 1] = b;
        truth[r] = r == target;
      }
      double[] z = new double[rows + 1];
      z[rows] = Math.log(1000); // the rest of the disease space
      groups.add(new RerankFitter.Group(x, rows, z, truth));
    }
    FusionFitter.Fit linear = new FusionFitter.Fit(FusionModel.of(java.util.Map.of("similarity", 1.0), 1), 0, 0, 300);
    FusionFitter.Fit fit = RerankFitter.fit(linear, groups, line -> { });
    // before: the truth is one of 10 equal candidates beside a rest of mass 1000 → log(1/1010)
    assertTrue(fit.logLikelihood() > Math.log(1.0 / 1010) + 1, "log-likelihood " + fit.logLikelihood());
    Reranker reranker = fit.model().reranker().orElseThrow();
    Reranker stored = new Reranker(reranker.bytes());
    RerankFitter.Group g = groups.get(0);
    assertArrayEquals(reranker.predict(g.x(), g.treeRows()), stored.predict(g.x(), g.treeRows()));
    assertEquals(reranker, stored);
    float[] score = reranker.predict(g.x(), g.treeRows());
    int best = 0;
    for (int r = 1; r < score.length; r++) {
      best = score[r] > score[best] ? r : best;
    }
    assertTrue(g.truth()[best], "the trees rank the true candidate first on a training case");
  }

  @Test
  void treesEvaluatedInJavaScoreAsXGBoostDoes() throws Exception {
    Random random = new Random(5);
    List<RerankFitter.Group> groups = new ArrayList<>();
    for (int c = 0; c < 200; c++) {
      float[] x = new float[8 * Reranker.WIDTH];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextInt(10) == 0 ? Float.NaN : (float) random.nextGaussian();
      }
      boolean[] truth = new boolean[8];
      truth[random.nextInt(8)] = true;
      groups.add(new RerankFitter.Group(x, 8, new double[8], truth));
    }
    ml.dmlc.xgboost4j.java.Booster booster = RerankFitter.train(groups, 1);
    Reranker reranker = new Reranker(booster.toByteArray("json"));
    float[] x = groups.get(7).x();
    ml.dmlc.xgboost4j.java.DMatrix data = new ml.dmlc.xgboost4j.java.DMatrix(x, 8, Reranker.WIDTH, Float.NaN);
    float[][] expected = booster.predict(data, true);
    float[] actual = reranker.predict(x, 8);
    for (int r = 0; r < 8; r++) {
      assertEquals(expected[r][0], actual[r], 1e-5, "row " + r + " (missing values follow the default branch)");
    }
    assertTrue(java.util.Arrays.stream(expected).mapToDouble(v -> v[0]).distinct().count() > 1, "the trees split");
  }

  @Test
  void artifactKeepsTheReranker() throws Exception {
    FusionFitter.Fit linear = new FusionFitter.Fit(FusionModel.of(java.util.Map.of("similarity", 1.0), 1), 0, 0, 1);
    float[] x = new float[2 * Reranker.WIDTH];
    x[0] = 1;
    List<RerankFitter.Group> groups = List.of(new RerankFitter.Group(x, 2, new double[] {0, 0}, new boolean[] {true,
        false}), new RerankFitter.Group(x.clone(), 2, new double[] {0, 0}, new boolean[] {true, false}));
    FusionModel model = RerankFitter.fit(linear, groups, line -> { }).model();
    var kb = org.detecta.kb.KnowledgeBaseLoader.load(
        java.nio.file.Path.of(getClass().getResource("hp.small.json").toURI()),
        java.nio.file.Path.of(getClass().getResource("small.hpoa").toURI()));
    RareArtifact artifact = new RareArtifact(kb.release(), RankParameters.defaults(), model, List.of(),
        java.util.Map.of());
    FusionModel back = RareArtifact.read(artifact.write(kb.terms()), kb.terms()).weights();
    assertEquals(model, back);
    assertTrue(back.reranker().isPresent());
  }
}
