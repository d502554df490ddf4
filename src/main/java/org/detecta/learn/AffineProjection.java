package org.detecta.learn;

import java.util.function.Function;

/**
 * {@code y = W x + b}: the stored form of every feature transform (PCA, LDA, univariate selection), so a
 * model artifact holds plain numbers instead of a library object. Library projections are read back by
 * probing them with the zero vector and the unit vectors, which is exact for affine maps.
 */
public record AffineProjection(double[][] weights, double[] offset) {
  public static AffineProjection probe(int inputs, Function<double[], double[]> projection) {
    double[] offset = projection.apply(new double[inputs]).clone();
    double[][] w = new double[offset.length][inputs];
    for (int j = 0; j < inputs; j++) {
      double[] unit = new double[inputs];
      unit[j] = 1.0;
      double[] y = projection.apply(unit);
      for (int i = 0; i < offset.length; i++) {
        w[i][j] = y[i] - offset[i];
      }
    }
    return new AffineProjection(w, offset);
  }

  /** Keeps the listed input columns, in order. */
  public static AffineProjection select(int inputs, int[] columns) {
    double[][] w = new double[columns.length][inputs];
    for (int i = 0; i < columns.length; i++) {
      w[i][columns[i]] = 1.0;
    }
    return new AffineProjection(w, new double[columns.length]);
  }

  public int outputs() {
    return offset.length;
  }

  public double[] apply(double[] x) {
    double[] y = offset.clone();
    for (int i = 0; i < y.length; i++) {
      double[] row = weights[i];
      double sum = 0;
      for (int j = 0; j < x.length; j++) {
        if (x[j] != 0) {
          sum += row[j] * x[j];
        }
      }
      y[i] += sum;
    }
    return y;
  }

  public double[][] apply(double[][] x) {
    double[][] y = new double[x.length][];
    for (int r = 0; r < x.length; r++) {
      y[r] = apply(x[r]);
    }
    return y;
  }
}
