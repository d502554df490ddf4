package org.detecta.rank;

/**
 * Phenomizer-style semantic similarity: for each observed term, the information content of the most
 * informative ancestor it shares with the disease profile (Resnik), averaged over the query (best-match
 * average, query → disease). Excluded terms are ignored. Ancestors with IC below {@code minIc} are skipped:
 * they are shared by nearly every disease and only cost time.
 */
public final class SimilarityScorer implements PhenotypeScorer {
  private final int[][] ancestors;
  private final double[] ic;
  private final PostingsIndex index;
  private final double minIc;

  public SimilarityScorer(int[][] ancestors, double[] ic, PostingsIndex index, double minIc) {
    this.ancestors = ancestors;
    this.ic = ic;
    this.index = index;
    this.minIc = minIc;
  }

  @Override
  public String name() {
    return "similarity";
  }

  @Override
  public void score(int[] observed, int[] excluded, float[] out) {
    java.util.Arrays.fill(out, 0f);
    if (observed.length == 0) {
      return;
    }
    float[] best = new float[out.length];
    int[] touched = new int[out.length];
    float share = 1f / observed.length;
    for (int q : observed) {
      int n = 0;
      for (int c : ancestors[q]) {
        float value = (float) ic[c];
        if (value < minIc) {
          continue;
        }
        for (int d : index.diseases(c)) {
          if (best[d] < value) {
            if (best[d] == 0) {
              touched[n++] = d;
            }
            best[d] = value;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        int d = touched[i];
        out[d] += best[d] * share;
        best[d] = 0;
      }
    }
  }
}
