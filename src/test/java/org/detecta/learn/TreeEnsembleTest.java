package org.detecta.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A Tribuo random forest copied to plain arrays: same probabilities as Tribuo, stored as numbers, corrupt trees refused. */
class TreeEnsembleTest {
  private static final List<String> CLASSES = List.of("a", "b", "c");
  private static final FeatureSpace SPACE = new FeatureSpace(List.of("t0", "t1", "t2", "t3", "t4"), Map.of("n", 10.0), false);
  private static final ModelSpec SPEC = new ModelSpec("random-forest", Map.of("trees", 15, "maxDepth", 8,
      "featureFraction", 0.5), "none", 0);

  /** Noisy rows: class k mostly shows token k and k+1, and a numeric answer around 3k. */
  private static double[][] rows(int n, int[] y, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[n][SPACE.size()];
    for (int i = 0; i < n; i++) {
      y[i] = i % CLASSES.size();
      for (int j = 0; j < 5; j++) {
        boolean typical = j == y[i] || j == y[i] + 1;
        x[i][j] = random.nextDouble() < (typical ? 0.8 : 0.15) ? 1 : 0;
      }
      x[i][5] = Math.min(10, Math.max(0, 3 * y[i] + random.nextInt(3))) / 10.0;
    }
    return x;
  }

  @Test
  void forestIsCopiedExactlyAndStoredAsPlainNumbers() throws Exception {
    int[] y = new int[90];
    double[][] x = rows(90, y, 3);
    ProbabilisticClassifier fitted = Families.fit(SPEC, x, y, CLASSES, 7);
    TreeEnsemble forest = assertInstanceOf(TreeEnsemble.class, fitted, "a Tribuo forest is scored as arrays");
    assertEquals(15, forest.trees().size());
    TribuoClassifier tribuo = TribuoClassifier.train(Families.tribuoTrainer(SPEC, 7), x, y, CLASSES);
    int[] unused = new int[40];
    double[][] fresh = rows(40, unused, 11);
    for (int r = 0; r < fresh.length; r++) {
      assertArrayEquals(tribuo.probabilities(fresh)[r], forest.probabilities(fresh)[r], 1e-12, "row " + r);
    }

    byte[] bytes = CommonModelArtifact.store("toy", SPEC.toString(), SPACE, Optional.empty(), 1.2, CLASSES, forest, Optional.empty()).orElseThrow();
    String json = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"forest\"") && !json.contains("tribuoModel") && json.contains(CommonModelArtifact.FORMAT), json.substring(0, 200));
    assertTrue(bytes.length < tribuo.libraryBytes().orElseThrow().length, "plain arrays are smaller than Tribuo's protobuf");
    CommonModel model = new CommonModel("toy", SPACE, Optional.empty(), forest, 1.2, CLASSES);
    CommonModel restored = CommonModel.load(bytes);
    for (int r = 0; r < fresh.length; r++) {
      assertArrayEquals(model.probabilities(fresh)[r], restored.probabilities(fresh)[r], 1e-12);
    }
    assertEquals(model.diagnose(org.detecta.diagnosis.Query.of(List.of("t1", "t2", "n_@_4"), List.of()), 3),
        restored.diagnose(org.detecta.diagnosis.Query.of(List.of("t1", "t2", "n_@_4"), List.of()), 3));
  }

  @Test
  void treesAreWalkedByThresholdAndCorruptTreesAreRefused() throws Exception {
    // root: column 1 > 0.5 ? (node 1: vote c) : (node 2: bias > 0 ? node 3 vote a : node 4 vote b)
    TreeEnsemble.Tree tree = new TreeEnsemble.Tree(new int[] {1, TreeEnsemble.LEAF, TreeEnsemble.BIAS, TreeEnsemble.LEAF,
        TreeEnsemble.LEAF}, new double[] {0.5, 0, 0, 0, 0}, new int[] {1, 0, 3, 0, 0}, new int[] {2, 0, 4, 0, 0},
        new int[] {0, 2, 0, 0, 1});
    TreeEnsemble.Tree always = new TreeEnsemble.Tree(new int[] {TreeEnsemble.LEAF}, new double[1], new int[1], new int[1],
        new int[] {1});
    TreeEnsemble forest = new TreeEnsemble(List.of(tree, always), 3);
    assertArrayEquals(new double[] {0, 0.5, 0.5}, forest.probabilities(new double[][] {{0, 0.7}})[0], 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5, 0}, forest.probabilities(new double[][] {{0, 0.5}})[0], 1e-12);
    assertEquals(forest.probabilities(new double[][] {{1, 1}})[0][2],
        TreeEnsemble.fromJson(forest.toJson(), 2).probabilities(new double[][] {{1, 1}})[0][2]);

    String good = forest.toJson().toString();
    String backwards = good.replace("\"greater\":[1,0,3,0,0]", "\"greater\":[1,0,0,0,0]");
    assertFalse(good.equals(backwards));
    java.io.IOException cycle = assertThrows(java.io.IOException.class,
        () -> TreeEnsemble.fromJson(ModelHeader.JSON.readTree(backwards), 2));
    assertTrue(cycle.getMessage().contains("corrupt tree ensemble"), cycle.getMessage());
    assertThrows(java.io.IOException.class, () -> TreeEnsemble.fromJson(forest.toJson(), 1), "column 1 of a 1-input model");
    String badLabel = good.replace("\"label\":[0,2,0,0,1]", "\"label\":[0,3,0,0,1]");
    assertThrows(java.io.IOException.class, () -> TreeEnsemble.fromJson(ModelHeader.JSON.readTree(badLabel), 2));
  }
}
