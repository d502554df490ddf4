package org.detecta.rank;

import java.util.Arrays;
import java.util.List;

/**
 * The per-candidate features the fusion combines, computed from one query's component scores. Component
 * scores that grow with the number of query terms (the log likelihood ratios) are divided by their
 * standard deviation over all diseases for that query, so one weight fits short and long queries; the
 * bounded ones (similarity, neighbour cosine) are used as they are. Rank features (−log rank within the
 * component's top {@value #RANK_CAP}, capped) make the fusion robust to each component's scale.
 * Disease-level features: log prior from training-case counts, whether the disease had training cases
 * (seen), whether it is in the KB, interactions with seen, and seen × the query's best neighbour similarity
 * (a query close to some training case favours seen diseases; a query close to none, KB diseases).
 */
public final class FusionFeatures {
  public static final List<String> NAMES = List.of("similarity", "lr-kb", "lr-cases", "excluded", "knn", "prior",
      "seen", "in-kb", "similarity*seen", "lr-cases*seen", "rank:similarity", "rank:lr-kb", "rank:lr-cases",
      "rank:knn", "seen*max-knn");
  public static final int COUNT = NAMES.size();
  static final int RANK_CAP = 100;
  private static final int[] RANKED = {ScoringModel.SIMILARITY, ScoringModel.LR_KB, ScoringModel.LR_CASES,
      ScoringModel.KNN};
  private static final float NOT_RANKED = (float) -Math.log(RANK_CAP + 1);

  /** Components each feature reads (besides the disease flags). */
  private static final int[][] USES = {{ScoringModel.SIMILARITY}, {ScoringModel.LR_KB}, {ScoringModel.LR_CASES},
      {ScoringModel.EXCLUDED}, {ScoringModel.KNN}, {ScoringModel.PRIOR}, {}, {}, {ScoringModel.SIMILARITY},
      {ScoringModel.LR_CASES}, {ScoringModel.SIMILARITY}, {ScoringModel.LR_KB}, {ScoringModel.LR_CASES},
      {ScoringModel.KNN}, {ScoringModel.KNN}};

  private final float[][] components;
  private final ScoringModel model;
  private final float[] scale = new float[ScoringModel.COMPONENTS];
  private final float[][] rank = new float[RANKED.length][];
  private final float maxKnn;

  /** Per-query context (scales, ranks, best neighbour) for the components that were computed. */
  public FusionFeatures(float[][] components, ScoringModel model, boolean[] computed) {
    this.components = components;
    this.model = model;
    for (int c = 0; c < scale.length; c++) {
      boolean standardise = c == ScoringModel.LR_KB || c == ScoringModel.LR_CASES || c == ScoringModel.EXCLUDED;
      scale[c] = standardise && computed[c] ? inverseSd(components[c]) : 1f;
    }
    for (int r = 0; r < RANKED.length; r++) {
      if (computed[RANKED[r]]) {
        float[] x = components[RANKED[r]];
        float[] feature = new float[x.length];
        Arrays.fill(feature, NOT_RANKED);
        int[] top = Ranks.top(x, RANK_CAP);
        for (int i = 0; i < top.length; i++) {
          if (x[top[i]] > 0 || RANKED[r] != ScoringModel.KNN) {
            feature[top[i]] = (float) -Math.log(i + 1);
          }
        }
        rank[r] = feature;
      }
    }
    float m = 0;
    if (computed[ScoringModel.KNN]) {
      for (float v : components[ScoringModel.KNN]) {
        m = Math.max(m, v);
      }
    }
    maxKnn = m;
  }

  /** Whether a component is needed by any feature with a non-zero weight. */
  public static boolean[] needed(double[] weights) {
    boolean[] need = new boolean[ScoringModel.COMPONENTS];
    for (int f = 0; f < COUNT; f++) {
      if (weights[f] != 0) {
        for (int c : USES[f]) {
          need[c] = true;
        }
      }
    }
    return need;
  }

  private static float inverseSd(float[] x) {
    double sum = 0;
    double sq = 0;
    for (float v : x) {
      sum += v;
      sq += (double) v * v;
    }
    double mean = sum / Math.max(1, x.length);
    double var = sq / Math.max(1, x.length) - mean * mean;
    return var > 1e-12 ? (float) (1 / Math.sqrt(var)) : 0f;
  }

  private float rankOf(int r, int d) {
    return rank[r] == null ? NOT_RANKED : rank[r][d];
  }

  /** Feature vector of disease {@code d} into {@code out} (length {@link #COUNT}). */
  public void row(int d, float[] out) {
    float seen = model.learned(d) ? 1f : 0f;
    out[0] = components[ScoringModel.SIMILARITY][d];
    out[1] = components[ScoringModel.LR_KB][d] * scale[ScoringModel.LR_KB];
    out[2] = components[ScoringModel.LR_CASES][d] * scale[ScoringModel.LR_CASES];
    out[3] = components[ScoringModel.EXCLUDED][d] * scale[ScoringModel.EXCLUDED];
    out[4] = components[ScoringModel.KNN][d];
    out[5] = components[ScoringModel.PRIOR][d];
    out[6] = seen;
    out[7] = model.inKb(d) ? 1f : 0f;
    out[8] = out[0] * seen;
    out[9] = out[2] * seen;
    out[10] = rankOf(0, d);
    out[11] = rankOf(1, d);
    out[12] = rankOf(2, d);
    out[13] = rankOf(3, d);
    out[14] = seen * maxKnn;
  }
}
