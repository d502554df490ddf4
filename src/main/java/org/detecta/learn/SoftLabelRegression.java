package org.detecta.learn;

import java.util.List;

/**
 * Multinomial logistic regression on soft labels (a target distribution per row, e.g. DDXPlus's reference
 * differential), by full-batch gradient descent on the mean cross-entropy with an L2 penalty; rows are used sparsely.
 * Deterministic (zero start, no sampling). The fitted model is one {@link DenseNetwork} softmax layer.
 */
public final class SoftLabelRegression {
  /** Epochs, step size and L2 penalty of the descent. */
  public record Settings(int epochs, double rate, double l2) {
    public static Settings defaults() {
      return new Settings(300, 0.5, 1e-4);
    }
  }

  private SoftLabelRegression() {
  }

  public static DenseNetwork fit(double[][] x, double[][] targets, Settings s) {
    if (x.length == 0 || x.length != targets.length) {
      throw new IllegalArgumentException("soft-label regression needs rows and one target row each");
    }
    int n = x.length;
    int features = x[0].length;
    int classes = targets[0].length;
    int[][] nonZero = new int[n][];
    for (int r = 0; r < n; r++) {
      int count = 0;
      for (double v : x[r]) {
        count += v != 0 ? 1 : 0;
      }
      nonZero[r] = new int[count];
      for (int j = 0, k = 0; j < features; j++) {
        if (x[r][j] != 0) {
          nonZero[r][k++] = j;
        }
      }
    }
    double[][] w = new double[classes][features];
    double[] b = new double[classes];
    DenseNetwork network = new DenseNetwork(List.of(new DenseNetwork.Layer(w, b)));
    double[][] gradW = new double[classes][features];
    double[] gradB = new double[classes];
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      for (double[] row : gradW) {
        java.util.Arrays.fill(row, 0);
      }
      java.util.Arrays.fill(gradB, 0);
      for (int r = 0; r < n; r++) {
        double[] p = network.forward(x[r]);
        for (int c = 0; c < classes; c++) {
          double d = (p[c] - targets[r][c]) / n;
          gradB[c] += d;
          for (int j : nonZero[r]) {
            gradW[c][j] += d * x[r][j];
          }
        }
      }
      for (int c = 0; c < classes; c++) {
        b[c] -= s.rate() * gradB[c];
        for (int j = 0; j < features; j++) {
          w[c][j] -= s.rate() * (gradW[c][j] + s.l2() * w[c][j]);
        }
      }
    }
    return network;
  }
}
