package org.detecta.rank;

import java.util.Arrays;

/**
 * Linear fusion of the {@link FusionFeatures} into softmax logits: logit_d = (w · x_d) / temperature. The
 * weights come from a conditional-logit fit on a validation split ({@link FusionFitter}); the temperature
 * then calibrates the probabilities over the whole disease space, and the {@link #unlisted()} logit gives the
 * softmax an outcome "a disease the model does not know", so the probabilities of the known diseases sum to less
 * than 1 by what the validation cases say (about a fifth of published cases have a disease no model built on other
 * publications knows). An optional {@link Reranker} then re-scores the best candidates with boosted trees. Immutable.
 */
public final class FusionModel {
  private final double[] weights;
  private final double temperature;
  private final double unlisted;
  /** Second stage over the best candidates; null = the linear fusion alone. */
  private final Reranker reranker;
  private final boolean[] needed;
  /** Features with a non-zero weight, ascending (zero-weight terms add nothing to the sum). */
  private final int[] active;

  public FusionModel(double[] weights, double temperature) {
    this(weights, temperature, Double.NEGATIVE_INFINITY);
  }

  /**
   * @param unlisted the logit (after the temperature) of "none of the model's diseases";
   *     {@link Double#NEGATIVE_INFINITY}: the known diseases share all the probability
   */
  public FusionModel(double[] weights, double temperature, double unlisted) {
    this(weights, temperature, unlisted, null);
  }

  /** @param reranker second stage over the best candidates, or null */
  public FusionModel(double[] weights, double temperature, double unlisted, Reranker reranker) {
    if (Double.isNaN(unlisted) || unlisted == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("unlisted logit must be finite or -Infinity, was " + unlisted);
    }
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
    this.unlisted = unlisted;
    this.reranker = reranker;
    double[] used = this.weights.clone();
    if (reranker != null) {
      Arrays.fill(used, 1); // the trees read every feature
    }
    this.needed = FusionFeatures.needed(used);
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

  public double unlisted() {
    return unlisted;
  }

  /**
   * log of the softmax's denominator for these fused logits: Σ_d exp(logit_d / temperature) plus the unlisted
   * outcome's exp(unlisted). P(d | findings) = exp(logit_d / temperature − this).
   */
  public double logNormaliser(float[] logits) {
    return Ranks.logAddExp(Ranks.logSumExp(logits, temperature), unlisted);
  }

  /** Whether the component must be computed for this fusion. */
  public boolean needs(int component) {
    return needed[component];
  }

  public FusionModel withUnlisted(double logit) {
    return new FusionModel(weights, temperature, logit, reranker);
  }

  public FusionModel withReranker(Reranker stage) {
    return new FusionModel(weights, temperature, unlisted, stage);
  }

  /** The second stage, if any. */
  public java.util.Optional<Reranker> reranker() {
    return java.util.Optional.ofNullable(reranker);
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
    if (reranker != null) {
      reranker.apply(out, temperature, features);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FusionModel m && Arrays.equals(weights, m.weights) && temperature == m.temperature
        && Double.compare(unlisted, m.unlisted) == 0 && java.util.Objects.equals(reranker, m.reranker);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(weights) * 31 + Double.hashCode(temperature)) * 31 + Double.hashCode(unlisted);
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
    b.append(", T=").append(String.format("%.3f", temperature));
    if (unlisted != Double.NEGATIVE_INFINITY) {
      b.append(", unlisted=").append(String.format("%.3f", unlisted));
    }
    if (reranker != null) {
      b.append(", reranked top ").append(Reranker.TOP);
    }
    return b.append('}').toString();
  }
}
