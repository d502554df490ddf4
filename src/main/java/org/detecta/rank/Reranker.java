package org.detecta.rank;

import java.io.IOException;
import java.util.Arrays;

/**
 * Second stage of the fusion: gradient-boosted trees (trained with XGBoost) re-score the linear fusion's best
 * {@link #TOP} candidates from their {@link FusionFeatures} and their linear logit, adding to the logit what the
 * linear model cannot express (interactions such as "a strong nearest case counts when the similarity agrees").
 * Trained by {@link RerankFitter} with the linear logit as base margin and a softmax loss within each case, so the
 * sum is still a log-probability. Stored as XGBoost's JSON model, evaluated by {@link BoostedTrees}. Immutable.
 */
public final class Reranker {
  /**
   * Candidates re-scored per query (the linear fusion's best). Full CV: 50 and 100 rank alike (fused top-1 / top-10
   * 0.376 / 0.542 against 0.373 / 0.544); 50 costs half the trees' time.
   */
  static final int TOP = 50;
  /**
   * Columns of a row ({@link #rows}): the fusion features, then the linear logit / temperature. Two more columns (the
   * gap to the first candidate's logit, log(1 + position)) ranked alike in full CV (0.375 / 0.544 against 0.376 /
   * 0.542) and were left out.
   */
  static final int WIDTH = FusionFeatures.COUNT + 1;

  private final byte[] json;
  private final BoostedTrees trees;

  /** @param json the model in XGBoost's JSON format */
  public Reranker(byte[] json) throws IOException {
    this.json = json.clone();
    this.trees = BoostedTrees.parse(this.json);
    for (int f : trees.feature()) {
      if (f < 0 || f >= WIDTH) {
        throw new IOException("re-ranker reads feature " + f + "; rows have " + WIDTH + " (a different build?)");
      }
    }
  }

  /** The model in XGBoost's JSON format, as the artifact stores it. */
  public byte[] bytes() {
    return json.clone();
  }

  /** Adds temperature · tree score to the logits of the best {@link #TOP} diseases, in place. */
  void apply(float[] logits, double temperature, FusionFeatures features) {
    int[] best = Ranks.top(logits, TOP);
    float[] score = predict(rows(logits, temperature, features, best), best.length);
    for (int i = 0; i < best.length; i++) {
      logits[best[i]] += (float) (temperature * score[i]);
    }
  }

  /**
   * The rows the trees read for the candidates {@code best}, {@link #WIDTH} columns each: the fusion features, then
   * the linear logit / temperature. Shared by training ({@link RerankFitter}) and scoring.
   */
  static float[] rows(float[] logits, double temperature, FusionFeatures features, int[] best) {
    float[] x = new float[best.length * WIDTH];
    float[] row = new float[FusionFeatures.COUNT];
    for (int i = 0; i < best.length; i++) {
      features.row(best[i], row);
      System.arraycopy(row, 0, x, i * WIDTH, row.length);
      x[i * WIDTH + FusionFeatures.COUNT] = (float) (logits[best[i]] / temperature);
    }
    return x;
  }

  /** Tree scores (without the base margin) of {@code rows} rows of {@link #WIDTH} columns. */
  float[] predict(float[] x, int rows) {
    float[] score = new float[rows];
    trees.scoreAll(x, 0, rows, WIDTH, score);
    return score;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reranker r && Arrays.equals(json, r.json);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(json);
  }
}
