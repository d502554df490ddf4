package org.detecta.rank;

/**
 * Hand-set linear weights of the four phenotype components (similarity, KB likelihood ratio, case-learned
 * likelihood ratio, excluded terms) and a temperature: a convenience for fixtures and experiments, turned
 * into the {@link FusionModel} the engine runs (the likelihood-ratio weights apply to the per-query
 * standardised scores). Trained models use a fitted {@link FusionModel} instead.
 */
public record FusionWeights(double similarity, double lrKb, double lrCases, double excluded, double temperature) {
  public FusionModel toModel() {
    double[] w = new double[FusionFeatures.COUNT];
    w[FusionFeatures.NAMES.indexOf("similarity")] = similarity;
    w[FusionFeatures.NAMES.indexOf("lr-kb")] = lrKb;
    w[FusionFeatures.NAMES.indexOf("lr-cases")] = lrCases;
    w[FusionFeatures.NAMES.indexOf("excluded")] = excluded;
    return new FusionModel(w, temperature);
  }
}
