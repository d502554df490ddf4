package org.detecta.learn;

import java.util.List;
import java.util.Optional;

/**
 * A classifier stored as plain numbers: dense layers {@code W·x + b}, sigmoid between layers, softmax at the
 * end. One layer is multinomial logistic regression; more is a multilayer perceptron. This is how models
 * trained elsewhere (Spark MLlib) become ordinary Detecta artifacts that the core scores without that library.
 */
public final class DenseNetwork implements ProbabilisticClassifier {
  /** One layer: {@code weights[out][in]}, {@code bias[out]}. */
  public record Layer(double[][] weights, double[] bias) {
    public Layer {
      if (weights.length != bias.length) {
        throw new IllegalArgumentException("layer has " + weights.length + " weight rows but " + bias.length + " biases");
      }
    }
  }

  private final List<Layer> layers;

  public DenseNetwork(List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one layer");
    }
    this.layers = List.copyOf(layers);
  }

  public List<Layer> layers() {
    return layers;
  }

  @Override
  public double[][] probabilities(double[][] x) {
    double[][] p = new double[x.length][];
    for (int r = 0; r < x.length; r++) {
      p[r] = forward(x[r]);
    }
    return p;
  }

  double[] forward(double[] input) {
    double[] a = input;
    int[] nonZero = new int[a.length];
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      int n = 0;
      for (int i = 0; i < a.length; i++) {
        if (a[i] != 0) {
          nonZero[n++] = i;
        }
      }
      double[] z = new double[layer.bias().length];
      for (int o = 0; o < z.length; o++) {
        double[] w = layer.weights()[o];
        double s = layer.bias()[o];
        for (int k = 0; k < n; k++) {
          s += w[nonZero[k]] * a[nonZero[k]];
        }
        z[o] = s;
      }
      if (l < layers.size() - 1) {
        for (int o = 0; o < z.length; o++) {
          z[o] = 1.0 / (1.0 + Math.exp(-z[o]));
        }
        if (nonZero.length < z.length) {
          nonZero = new int[z.length];
        }
      } else {
        Softmax.inPlace(z);
      }
      a = z;
    }
    return a;
  }

  /** Not a Tribuo model: stored through {@link DenseNetworkArtifact} instead. */
  @Override
  public Optional<byte[]> libraryBytes() {
    return Optional.empty();
  }
}
