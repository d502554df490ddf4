package org.detecta.rank;

import java.util.Arrays;

/**
 * Linear fusion of the {@link FusionFeatures} into softmax logits: logit_d = (w · x_d) / temperature. The
 * weights come from a conditional-logit fit on a validation split ({@link FusionFitter}); the temperature
 * then calibrates the probabilities over the whole disease space. Immutable.
 */
public final class FusionModel {
  private final double[] weights;
  private final double temperature;
  private final boolean[] needed;
  /** Features with a non-zero weight, ascending (zero-weight terms add nothing to the sum). */
  private final int[] active;

  public FusionModel(double[] weights, double temperature) {
    if (weights.length != FusionFeatures.COUNT) {
      throw new IllegalArgumentException("expected " + FusionFeatures.COUNT + " fusion weights, got " + weights.length);
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("fusion weights must be finite: " + Arrays.toString(weights));
      }
    }
    this.weights = weights.clone();
    this.temperature = temperature;
    this.needed = FusionFeatures.needed(this.weights);
    this.active = java.util.stream.IntStream.range(0, this.weights.length).filter(f -> this.weights[f] != 0).toArray();
  }

  /** A fusion from named weights (features not named weigh 0). */
  public static FusionModel of(java.util.Map<String, Double> named, double temperature) {
    double[] w = new double[FusionFeatures.COUNT];
    named.forEach((name, weight) -> {
      int f = FusionFeatures.NAMES.indexOf(name);
      if (f < 0) {
        throw new IllegalArgumentException("unknown fusion feature " + name);
      }
      w[f] = weight;
    });
    return new FusionModel(w, temperature);
  }

  /** Ranking by one component alone (its feature weight 1), unit temperature. */
  public static FusionModel only(int component) {
    double[] w = new double[FusionFeatures.COUNT];
    w[component == ScoringModel.PRIOR ? FusionFeatures.NAMES.indexOf("prior") : component] = 1;
    return new FusionModel(w, 1);
  }

  public double[] weights() {
    return weights.clone();
  }

  public double weight(int feature) {
    return weights[feature];
  }

  public double temperature() {
    return temperature;
  }

  /** Whether the component must be computed for this fusion. */
  public boolean needs(int component) {
    return needed[component];
  }

  public FusionModel withTemperature(double t) {
    return new FusionModel(weights, t);
  }

  /** Fused logits (before temperature) into {@code out}. */
  public void fuse(float[][] components, ScoringModel model, float[] out) {
    FusionFeatures features = new FusionFeatures(components, model, needed);
    float[] x = new float[FusionFeatures.COUNT];
    for (int d = 0; d < out.length; d++) {
      features.row(d, x);
      double s = 0;
      for (int f : active) {
        s += weights[f] * x[f];
      }
      out[d] = (float) s;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FusionModel m && Arrays.equals(weights, m.weights) && temperature == m.temperature;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Double.hashCode(temperature);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int f = 0; f < weights.length; f++) {
      if (weights[f] != 0) {
        b.append(b.length() > 1 ? ", " : "").append(FusionFeatures.NAMES.get(f))
            .append('=').append(String.format("%.3f", weights[f]));
      }
    }
    return b.append(", T=").append(String.format("%.3f", temperature)).append('}').toString();
  }
}
