package org.detecta.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.detecta.learn.AffineProjection;
import org.detecta.learn.Families;
import org.detecta.learn.FeatureSpace;
import org.detecta.learn.FeatureTransforms;
import org.detecta.learn.ModelSpec;
import org.detecta.learn.ProbabilisticClassifier;

/**
 * Seeded k-fold top-1 of one candidate configuration over the rows it is given (train+validation: the test split
 * never comes here), scored as a released model scores (transform fitted per fold, condition profiles applied).
 * A validation split of a few hundred rows ties many candidates at one or two errors; the CV estimate separates them.
 */
final class SelectionCrossValidation {
  private SelectionCrossValidation() {
  }

  static double top1(ModelSpec spec, FeatureSpace space, double[][] x, int[] y, List<String> classes, int folds, long seed) {
    int[] fold = folds(x.length, folds, seed);
    int right = 0;
    for (int f = 0; f < folds; f++) {
      List<double[]> trainX = new ArrayList<>();
      List<Integer> trainY = new ArrayList<>();
      List<Integer> held = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (fold[i] == f) {
          held.add(i);
        } else {
          trainX.add(x[i]);
          trainY.add(y[i]);
        }
      }
      double[][] tx = trainX.toArray(double[][]::new);
      int[] ty = trainY.stream().mapToInt(Integer::intValue).toArray();
      Optional<AffineProjection> projection = FeatureTransforms.fit(spec.transform(), spec.transformK(), tx, ty, classes.size());
      ProbabilisticClassifier classifier = Families.fit(spec, CommonTrainer.project(projection, tx), ty, classes, seed);
      double[][] hx = held.stream().map(i -> x[i]).toArray(double[][]::new);
      double[][] p = space.restrict(hx, classifier.probabilities(CommonTrainer.project(projection, hx)), classes);
      for (int j = 0; j < p.length; j++) {
        right += argmax(p[j]) == y[held.get(j)] ? 1 : 0;
      }
    }
    return x.length == 0 ? 0 : right / (double) x.length;
  }

  /** Row i's fold: a seeded permutation of 0,1,…,k-1,0,1,… so folds differ in size by at most one. */
  static int[] folds(int n, int k, long seed) {
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fold[i] = i % k;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = fold[i];
      fold[i] = fold[j];
      fold[j] = t;
    }
    return fold;
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }
}
