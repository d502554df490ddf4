package org.detecta.learn;

import java.util.Optional;
import java.util.Random;
import smile.base.mlp.Layer;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.math.TimeFunction;

/**
 * Smile's multilayer perceptron (one hidden ReLU layer, softmax output, mini-batch SGD). Compared on
 * validation like every family, but Smile 2.6 can only store it with Java serialization, which Detecta
 * does not allow, so it has no artifact bytes and cannot be released.
 */
public final class SmileMlpClassifier implements ProbabilisticClassifier {
  private final MLP mlp;
  private final int classes;

  private SmileMlpClassifier(MLP mlp, int classes) {
    this.mlp = mlp;
    this.classes = classes;
  }

  public static SmileMlpClassifier train(ModelSpec spec, double[][] x, int[] y, int classes, long seed) {
    MathEx.setSeed(seed);
    MLP mlp = new MLP(x[0].length, Layer.rectifier((int) spec.number("hidden")), Layer.mle(classes, OutputFunction.SOFTMAX));
    mlp.setLearningRate(TimeFunction.constant(spec.number("learningRate")));
    mlp.setMomentum(TimeFunction.constant(0.0));
    int epochs = (int) spec.number("epochs");
    int batch = 32;
    Random random = new Random(seed);
    int[] order = java.util.stream.IntStream.range(0, x.length).toArray();
    for (int e = 0; e < epochs; e++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int start = 0; start < order.length; start += batch) {
        int n = Math.min(batch, order.length - start);
        double[][] bx = new double[n][];
        int[] by = new int[n];
        for (int k = 0; k < n; k++) {
          bx[k] = x[order[start + k]];
          by[k] = y[order[start + k]];
        }
        mlp.update(bx, by);
      }
    }
    return new SmileMlpClassifier(mlp, classes);
  }

  @Override
  public double[][] probabilities(double[][] x) {
    double[][] p = new double[x.length][classes];
    for (int r = 0; r < x.length; r++) {
      mlp.predict(x[r], p[r]);
    }
    return p;
  }

  @Override
  public Optional<byte[]> libraryBytes() {
    return Optional.empty();
  }
}
