package org.detecta.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A voting ensemble of decision trees as plain numbers: each tree is flat arrays of nodes (input column and
 * threshold of a split, its two children, or the class a leaf votes for), the probability of a class is its share of
 * the votes. This is how a Tribuo random forest is stored and scored: Tribuo's protobuf keeps a label map in every
 * node (65 MB for the 100-tree DDXPlus forest) and its per-example prediction objects cost ≈ 20 ms per diagnose;
 * the same forest here is a few hundred KB and walks arrays. {@link TribuoClassifier#asTreeEnsemble()} copies a
 * forest and checks the copy against Tribuo's own probabilities.
 */
public final class TreeEnsemble implements ProbabilisticClassifier {
  /** Column of Tribuo's constant {@code _bias} feature (always 1). */
  public static final int BIAS = -1;
  /** {@code column[i] == LEAF}: node i votes for {@code label[i]}. */
  public static final int LEAF = -2;

  /**
   * One tree, root at node 0. Split node i sends a row to {@code greater[i]} when its value in {@code column[i]}
   * is above {@code threshold[i]}, else to {@code lessOrEqual[i]}.
   */
  public record Tree(int[] column, double[] threshold, int[] greater, int[] lessOrEqual, int[] label) {
    public Tree {
      int n = column.length;
      if (n == 0 || threshold.length != n || greater.length != n || lessOrEqual.length != n || label.length != n) {
        throw new IllegalArgumentException("tree arrays must be non-empty and of equal length");
      }
    }

    int vote(double[] x) {
      int node = 0;
      for (int steps = 0; column[node] != LEAF; steps++) {
        if (steps > column.length) {
          throw new IllegalStateException("tree has a cycle");
        }
        double value = column[node] == BIAS ? 1.0 : x[column[node]];
        node = value > threshold[node] ? greater[node] : lessOrEqual[node];
      }
      return label[node];
    }
  }

  private final List<Tree> trees;
  private final int classes;

  public TreeEnsemble(List<Tree> trees, int classes) {
    if (trees.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one tree");
    }
    this.trees = List.copyOf(trees);
    this.classes = classes;
  }

  public List<Tree> trees() {
    return trees;
  }

  public int classes() {
    return classes;
  }

  @Override
  public double[][] probabilities(double[][] x) {
    double[][] p = new double[x.length][classes];
    for (int r = 0; r < x.length; r++) {
      for (Tree tree : trees) {
        p[r][tree.vote(x[r])] += 1.0;
      }
      for (int c = 0; c < classes; c++) {
        p[r][c] /= trees.size();
      }
    }
    return p;
  }

  /** Not a library model: stored as plain numbers through {@link #toJson()}. */
  @Override
  public Optional<byte[]> libraryBytes() {
    return Optional.empty();
  }

  public JsonNode toJson() {
    ObjectNode root = ModelHeader.JSON.createObjectNode();
    root.put("classes", classes);
    ArrayNode list = root.putArray("trees");
    for (Tree t : trees) {
      ObjectNode node = list.addObject();
      node.set("column", ModelHeader.JSON.valueToTree(t.column()));
      node.set("threshold", ModelHeader.JSON.valueToTree(t.threshold()));
      node.set("greater", ModelHeader.JSON.valueToTree(t.greater()));
      node.set("lessOrEqual", ModelHeader.JSON.valueToTree(t.lessOrEqual()));
      node.set("label", ModelHeader.JSON.valueToTree(t.label()));
    }
    return root;
  }

  /** Reads {@link #toJson()}; refuses children, labels or columns out of range. */
  public static TreeEnsemble fromJson(JsonNode root, int inputs) throws IOException {
    int classes = root.path("classes").asInt();
    List<Tree> trees = new ArrayList<>();
    for (JsonNode t : root.path("trees")) {
      Tree tree = new Tree(ModelHeader.JSON.treeToValue(t.path("column"), int[].class),
          ModelHeader.JSON.treeToValue(t.path("threshold"), double[].class),
          ModelHeader.JSON.treeToValue(t.path("greater"), int[].class),
          ModelHeader.JSON.treeToValue(t.path("lessOrEqual"), int[].class),
          ModelHeader.JSON.treeToValue(t.path("label"), int[].class));
      int n = tree.column().length;
      for (int i = 0; i < n; i++) {
        boolean leaf = tree.column()[i] == LEAF;
        boolean ok = leaf ? tree.label()[i] >= 0 && tree.label()[i] < classes
            : tree.column()[i] >= BIAS && tree.column()[i] < inputs && tree.greater()[i] > i && tree.greater()[i] < n
                && tree.lessOrEqual()[i] > i && tree.lessOrEqual()[i] < n;
        if (!ok) {
          throw new IOException("corrupt tree ensemble in artifact: node " + i + " of tree " + trees.size());
        }
      }
      trees.add(tree);
    }
    if (trees.isEmpty() || classes <= 0) {
      throw new IOException("corrupt tree ensemble in artifact: no trees or classes");
    }
    return new TreeEnsemble(trees, classes);
  }
}
