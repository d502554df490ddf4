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
 * (seen), whether it is in the KB, whether it is an OMIM entry (ORPHA and DECIPHER entries often duplicate an
 * OMIM disease and compete with it; the fit learns how much that counts), interactions with seen.
 * Gate features (is the query one of a disease with training cases?): seen × the query's best neighbour
 * similarity, seen × (best similarity among seen diseases − best among KB-only ones), and for KB-only
 * diseases similarity × (1 − best neighbour similarity) and their own similarity rank, so a query that
 * resembles no training case is not ranked as if it did. Rank buckets: in the top 3 by similarity / by knn.
 */
public final class FusionFeatures {
  public static final List<String> NAMES = List.of("similarity", "lr-kb", "lr-cases", "excluded", "knn", "prior",
      "seen", "in-kb", "similarity*seen", "lr-cases*seen", "rank:similarity", "rank:lr-kb", "rank:lr-cases",
      "rank:knn", "seen*max-knn", "omim", "seen*similarity-gap", "kb-only*similarity*(1-max-knn)",
      "top3:similarity", "top3:knn", "kb-only*rank:similarity");
  public static final int COUNT = NAMES.size();
  static final int RANK_CAP = 100;
  private static final int[] RANKED = {ScoringModel.SIMILARITY, ScoringModel.LR_KB, ScoringModel.LR_CASES,
      ScoringModel.KNN};
  private static final float NOT_RANKED = (float) -Math.log(RANK_CAP + 1);
  /** −log rank at or above which a candidate is in a component's top 3. */
  private static final float TOP3 = (float) -Math.log(3) - 1e-6f;

  /** Components each feature reads (besides the disease flags). */
  private static final int[][] USES = {{ScoringModel.SIMILARITY}, {ScoringModel.LR_KB}, {ScoringModel.LR_CASES},
      {ScoringModel.EXCLUDED}, {ScoringModel.KNN}, {ScoringModel.PRIOR}, {}, {}, {ScoringModel.SIMILARITY},
      {ScoringModel.LR_CASES}, {ScoringModel.SIMILARITY}, {ScoringModel.LR_KB}, {ScoringModel.LR_CASES},
      {ScoringModel.KNN}, {ScoringModel.KNN}, {}, {ScoringModel.SIMILARITY},
      {ScoringModel.SIMILARITY, ScoringModel.KNN}, {ScoringModel.SIMILARITY}, {ScoringModel.KNN},
      {ScoringModel.SIMILARITY}};

  private final float[][] components;
  private final ScoringModel model;
  private final float[] scale = new float[ScoringModel.COMPONENTS];
  private final float[][] rank = new float[RANKED.length][];
  private final float maxKnn;
  /** Best similarity among diseases with training cases minus the best among those without. */
  private final float similarityGap;

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
    float seenBest = 0;
    float otherBest = 0;
    if (computed[ScoringModel.SIMILARITY]) {
      float[] s = components[ScoringModel.SIMILARITY];
      for (int d = 0; d < s.length; d++) {
        if (model.learned(d)) {
          seenBest = Math.max(seenBest, s[d]);
        } else {
          otherBest = Math.max(otherBest, s[d]);
        }
      }
    }
    similarityGap = seenBest - otherBest;
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
    out[15] = model.omim(d) ? 1f : 0f;
    out[16] = seen * similarityGap;
    out[17] = (1 - seen) * out[0] * (1 - maxKnn);
    out[18] = out[10] >= TOP3 ? 1f : 0f;
    out[19] = out[13] >= TOP3 ? 1f : 0f;
    out[20] = (1 - seen) * out[10];
  }
}
