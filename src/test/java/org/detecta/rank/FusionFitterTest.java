package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The conditional-logit fit on synthetic candidate sets, and top-n selection. */
class FusionFitterTest {
  @Test
  void informativeFeatureGetsPositiveWeightAndNoiseStaysSmall() {
    Random random = new Random(3);
    int knn = FusionFeatures.NAMES.indexOf("knn");
    int prior = FusionFeatures.NAMES.indexOf("prior");
    List<FusionFitter.Candidates> data = new ArrayList<>();
    for (int q = 0; q < 200; q++) {
      int n = 20;
      float[][] x = new float[n][FusionFeatures.COUNT];
      boolean[] truth = new boolean[n];
      for (int r = 0; r < n; r++) {
        x[r][knn] = (float) random.nextGaussian();
        x[r][prior] = (float) random.nextGaussian();
      }
      truth[0] = true;
      x[0][knn] += 2.5f; // the truth has a higher knn score; prior is pure noise
      data.add(new FusionFitter.Candidates(x, truth, new float[n]));
    }
    double[] w = FusionFitter.optimise(data);
    assertTrue(w[knn] > 1.0, "knn weight " + w[knn]);
    assertTrue(Math.abs(w[prior]) < 0.3 * w[knn], "prior weight " + w[prior]);
  }

  @Test
  void unlistedLogitTakesTheShareOfCasesWhoseDiseaseTheModelDoesNotKnow() {
    Random random = new Random(5);
    int knn = FusionFeatures.NAMES.indexOf("knn");
    List<FusionFitter.Candidates> data = new ArrayList<>();
    for (int q = 0; q < 400; q++) {
      int n = 20;
      float[][] x = new float[n][FusionFeatures.COUNT];
      for (int r = 0; r < n; r++) {
        x[r][knn] = (float) random.nextGaussian();
      }
      boolean[] truth = new boolean[n];
      if (q % 4 != 0) { // one case in four has a disease outside the candidate space: no true row
        truth[0] = true;
        x[0][knn] += 2.5f;
      }
      data.add(new FusionFitter.Candidates(x, truth, new float[n]));
    }
    FusionFitter.Fit fit = FusionFitter.fit(data, line -> { });
    FusionModel model = fit.model();
    assertEquals(300, fit.cases(), "weights fitted on the cases with a known diagnosis");
    assertTrue(Double.isFinite(model.unlisted()), "unlisted logit " + model.unlisted());
    // at the optimum the mean probability of "unlisted" over the validation cases equals their share, 1/4
    double mean = 0;
    for (FusionFitter.Candidates c : data) {
      float[] z = new float[c.x().length];
      double[] w = model.weights();
      for (int r = 0; r < z.length; r++) {
        for (int j = 0; j < w.length; j++) {
          z[r] += (float) (w[j] * c.x()[r][j]);
        }
      }
      mean += Math.exp(model.unlisted() - model.logNormaliser(z));
    }
    assertEquals(0.25, mean / data.size(), 1e-3);
    // with every diagnosis known there is no unlisted outcome
    List<FusionFitter.Candidates> known = data.stream().filter(FusionFitter.Candidates::known).toList();
    assertEquals(Double.NEGATIVE_INFINITY, FusionFitter.fit(known, line -> { }).model().unlisted());
  }

  @Test
  void topReturnsTheBestIndicesInOrder() {
    float[] scores = {0.1f, 5f, 3f, 5f, -1f, 4f};
    assertArrayEquals(new int[] {1, 3, 5}, Ranks.top(scores, 3));
    assertArrayEquals(new int[] {1, 3, 5, 2, 0, 4}, Ranks.top(scores, 10));
  }
}
