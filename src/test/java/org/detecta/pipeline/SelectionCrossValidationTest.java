package org.detecta.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detecta.learn.ConditionProfiles;
import org.detecta.learn.FeatureSpace;
import org.detecta.learn.ModelSpec;
import org.junit.jupiter.api.Test;

/** Selection CV: balanced seeded folds, and the estimate is the one a released model would score (profiles applied). */
class SelectionCrossValidationTest {
  @Test
  void foldsAreSeededAndBalanced() {
    int[] a = SelectionCrossValidation.folds(23, 5, 7);
    assertArrayEquals(a, SelectionCrossValidation.folds(23, 5, 7));
    int[] sizes = new int[5];
    Arrays.stream(a).forEach(f -> sizes[f]++);
    assertTrue(Arrays.stream(sizes).allMatch(s -> s == 4 || s == 5), Arrays.toString(sizes));
  }

  @Test
  void estimateAppliesTheConditionProfiles() {
    // "a" and "b" rows look alike to the classifier (E_1 only), but b rows also show E_2, which "a" cannot show.
    List<String> classes = List.of("a", "b");
    ConditionProfiles profiles = new ConditionProfiles(Map.of("a", Set.of("E_1"), "b", Set.of("E_1", "E_2")));
    FeatureSpace space = new FeatureSpace(List.of("E_1", "E_2"), Map.of(), false, profiles);
    double[][] x = new double[40][];
    int[] y = new int[40];
    for (int i = 0; i < 40; i++) {
      boolean b = i % 4 == 0;
      x[i] = new double[] {1, b ? 1 : 0};
      y[i] = b ? 1 : 0;
    }
    ModelSpec weak = new ModelSpec("naive-bayes", Map.of("alpha", 1000.0), "none", 0);
    double withProfiles = SelectionCrossValidation.top1(weak, space, x, y, classes, 5, 1);
    double without = SelectionCrossValidation.top1(weak, new FeatureSpace(List.of("E_1", "E_2"), Map.of(), false), x, y, classes, 5, 1);
    assertEquals(1.0, withProfiles, 1e-12);
    assertTrue(without < 1.0, "a heavily smoothed model alone calls every row 'a': " + without);
  }
}
