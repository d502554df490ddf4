package org.detecta.rank;

/**
 * Linear fusion of component scores into softmax logits: logit_d = (Σ_i w_i · score_i[d]) / temperature.
 * Weights are chosen on a validation split for ranking; the temperature then calibrates probabilities.
 */
public record FusionWeights(double similarity, double lrKb, double lrCases, double excluded, double temperature) {
  public FusionWeights {
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
    }
  }

  public double weight(int component) {
    return switch (component) {
      case ScoringModel.SIMILARITY -> similarity;
      case ScoringModel.LR_KB -> lrKb;
      case ScoringModel.LR_CASES -> lrCases;
      case ScoringModel.EXCLUDED -> excluded;
      default -> throw new IllegalArgumentException("no component " + component);
    };
  }

  /** Only one component, unit temperature: for measuring each component alone. */
  public static FusionWeights only(int component) {
    return new FusionWeights(component == ScoringModel.SIMILARITY ? 1 : 0, component == ScoringModel.LR_KB ? 1 : 0,
        component == ScoringModel.LR_CASES ? 1 : 0, component == ScoringModel.EXCLUDED ? 1 : 0, 1);
  }

  public FusionWeights withTemperature(double t) {
    return new FusionWeights(similarity, lrKb, lrCases, excluded, t);
  }

  /** Fused logits (before temperature) into {@code out}. */
  public void fuse(float[][] components, float[] out) {
    for (int d = 0; d < out.length; d++) {
      out[d] = (float) (similarity * components[0][d] + lrKb * components[1][d] + lrCases * components[2][d]
          + excluded * components[3][d]);
    }
  }
}
