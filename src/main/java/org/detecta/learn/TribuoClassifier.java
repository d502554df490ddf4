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

  @Override
  public Optional<byte[]> libraryBytes() {
    return Optional.of(model.serialize().toByteArray());
  }
}
