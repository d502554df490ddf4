package org.detecta.learn;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A Tribuo model behind the common interface. Rows are sparse (zeros are dropped) plus a constant
 * {@code _bias} feature so an empty finding list is still a valid example. Stored as Tribuo's protobuf.
 */
public final class TribuoClassifier implements ProbabilisticClassifier {
  private static final LabelFactory LABELS = new LabelFactory();
  private final Model<Label> model;
  private final List<String> classes;
  private final String[] featureNames;

  private TribuoClassifier(Model<Label> model, List<String> classes, int features) {
    this.model = model;
    this.classes = List.copyOf(classes);
    this.featureNames = new String[features];
    for (int j = 0; j < features; j++) {
      featureNames[j] = String.format("f%05d", j);
    }
  }

  public static TribuoClassifier train(Trainer<Label> trainer, double[][] x, int[] y, List<String> classes) {
    TribuoClassifier shape = new TribuoClassifier(null, classes, x[0].length);
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("detecta", LABELS), LABELS);
    for (int r = 0; r < x.length; r++) {
      data.add(shape.example(x[r], new Label(classes.get(y[r]))));
    }
    return new TribuoClassifier(trainer.train(data), classes, x[0].length);
  }

  @SuppressWarnings("unchecked")
  public static TribuoClassifier fromBytes(byte[] bytes, List<String> classes, int features) {
    try {
      return new TribuoClassifier((Model<Label>) Model.deserialize(ModelProto.parseFrom(bytes)), classes, features);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("corrupt Tribuo model in artifact: " + e.getMessage(), e);
    }
  }

  private Example<Label> example(double[] row, Label label) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    names.add("_bias");
    values.add(1.0);
    for (int j = 0; j < row.length; j++) {
      if (row[j] != 0) {
        names.add(featureNames[j]);
        values.add(row[j]);
      }
    }
    return new ArrayExample<>(label, names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Override
  public double[][] probabilities(double[][] x) {
    List<Example<Label>> examples = new ArrayList<>(x.length);
    for (double[] row : x) {
      examples.add(example(row, LABELS.getUnknownOutput()));
    }
    List<Prediction<Label>> predictions = model.predict(examples);
    double[][] p = new double[x.length][classes.size()];
    for (int r = 0; r < x.length; r++) {
      Map<String, Label> scores = predictions.get(r).getOutputScores();
      double sum = 0;
      for (int c = 0; c < classes.size(); c++) {
        Label label = scores.get(classes.get(c));
        p[r][c] = label == null ? 0.0 : Math.max(0.0, label.getScore());
        sum += p[r][c];
      }
      for (int c = 0; c < classes.size(); c++) {
        p[r][c] = sum > 0 ? p[r][c] / sum : 1.0 / classes.size();
      }
    }
    return p;
  }

  /**
   * A linear Tribuo model (logistic regression) as one {@link DenseNetwork} layer over the same inputs, for fast
   * scoring (no per-row Example, Prediction or label map); empty for other models, or when the copy does not
   * reproduce Tribuo's probabilities on seeded probe rows to 1e-9 (e.g. a non-softmax output).
   */
  public Optional<DenseNetwork> asDenseNetwork() {
    if (!(model instanceof org.tribuo.common.sgd.AbstractLinearSGDModel<?> linear)) {
      return Optional.empty();
    }
    org.tribuo.math.la.DenseMatrix w = linear.getWeightsCopy();
    org.tribuo.ImmutableFeatureMap features = model.getFeatureIDMap();
    org.tribuo.ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
    int biasColumn = w.getDimension2Size() - 1;
    int biasFeature = features.getID("_bias");
    double[][] weights = new double[classes.size()][featureNames.length];
    double[] bias = new double[classes.size()];
    for (int c = 0; c < classes.size(); c++) {
      int row = outputs.getID(new Label(classes.get(c)));
      if (row < 0) {
        return Optional.empty();
      }
      for (int j = 0; j < featureNames.length; j++) {
        int id = features.getID(featureNames[j]);
        if (id >= 0) {
          weights[c][j] = w.get(row, id);
        }
      }
      bias[c] = w.get(row, biasColumn) + (biasFeature >= 0 ? w.get(row, biasFeature) : 0.0);
    }
    DenseNetwork network = new DenseNetwork(List.of(new DenseNetwork.Layer(weights, bias)));
    if (!matches(network, new double[0][])) {
      return Optional.empty();
    }
    return Optional.of(network);
  }

  /**
   * A Tribuo forest of CART trees as a {@link TreeEnsemble} (one equal vote per tree, as {@code VotingCombiner});
   * empty for other models, or when the copy does not reproduce Tribuo's probabilities to 1e-9 on {@code check}
   * rows and seeded sparse probes (e.g. another combiner or weights).
   */
  public Optional<TreeEnsemble> asTreeEnsemble(double[][] check) {
    if (!(model instanceof org.tribuo.ensemble.WeightedEnsembleModel<Label> forest)) {
      return Optional.empty();
    }
    List<TreeEnsemble.Tree> trees = new ArrayList<>();
    for (Model<Label> member : forest.getModels()) {
      if (!(member instanceof org.tribuo.common.tree.TreeModel<Label> tree)) {
        return Optional.empty();
      }
      trees.add(flatten(tree));
    }
    TreeEnsemble copy = new TreeEnsemble(trees, classes.size());
    return matches(copy, check) ? Optional.of(copy) : Optional.empty();
  }

  /** The tree's nodes in pre-order (children after their parent), columns mapped from Tribuo feature ids. */
  private TreeEnsemble.Tree flatten(org.tribuo.common.tree.TreeModel<Label> tree) {
    org.tribuo.ImmutableFeatureMap ids = tree.getFeatureIDMap();
    List<org.tribuo.common.tree.Node<Label>> nodes = new ArrayList<>();
    nodes.add(tree.getRoot());
    List<int[]> children = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) instanceof org.tribuo.common.tree.SplitNode<Label> split) {
        nodes.add(split.getGreaterThan());
        nodes.add(split.getLessThanOrEqual());
        children.add(new int[] {nodes.size() - 2, nodes.size() - 1});
      } else {
        children.add(new int[] {0, 0});
      }
    }
    int n = nodes.size();
    int[] column = new int[n];
    double[] threshold = new double[n];
    int[] greater = new int[n];
    int[] lessOrEqual = new int[n];
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      if (nodes.get(i) instanceof org.tribuo.common.tree.SplitNode<Label> split) {
        String name = ids.get(split.getFeatureID()).getName();
        column[i] = name.equals("_bias") ? TreeEnsemble.BIAS : Integer.parseInt(name.substring(1));
        threshold[i] = split.splitValue();
        greater[i] = children.get(i)[0];
        lessOrEqual[i] = children.get(i)[1];
      } else {
        column[i] = TreeEnsemble.LEAF;
        label[i] = classes.indexOf(((org.tribuo.common.tree.LeafNode<Label>) nodes.get(i)).getOutput().getLabel());
      }
    }
    return new TreeEnsemble.Tree(column, threshold, greater, lessOrEqual, label);
  }

  /**
   * True when {@code copy} gives this model's probabilities to 1e-9 on the rows, the zero row and seven seeded
   * sparse probes.
   */
  private boolean matches(ProbabilisticClassifier copy, double[][] rows) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(17);
    List<double[]> probes = new ArrayList<>(java.util.Arrays.asList(rows));
    probes.add(new double[featureNames.length]);
    for (int r = 1; r < 8; r++) {
      double[] probe = new double[featureNames.length];
      for (int j = 0; j < probe.length; j++) {
        probe[j] = random.nextDouble() < 0.05 ? 1.0 : 0.0;
      }
      probes.add(probe);
    }
    double[][] all = probes.toArray(double[][]::new);
    double[][] expected = probabilities(all);
    double[][] actual = copy.probabilities(all);
    for (int r = 0; r < all.length; r++) {
      for (int c = 0; c < classes.size(); c++) {
        if (Math.abs(expected[r][c] - actual[r][c]) > 1e-9) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public Optional<byte[]> libraryBytes() {
    return Optional.of(model.serialize().toByteArray());
  }
}
