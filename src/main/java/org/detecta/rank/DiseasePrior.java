package org.detecta.rank;

/**
 * A phenotype-independent score per disease: log(1 + training-case weight), the weight being the
 * publication-capped case count of {@link CaseProfiles}. Learned from the training cases only; diseases
 * without cases score 0. The fusion decides how much it counts.
 */
public final class DiseasePrior implements PhenotypeScorer {
  private final float[] logPrior;

  public DiseasePrior(float[] logPrior) {
    this.logPrior = logPrior.clone();
  }

  @Override
  public String name() {
    return "prior";
  }

  @Override
  public void score(int[] observed, int[] excluded, float[] out) {
    System.arraycopy(logPrior, 0, out, 0, out.length);
  }
}
