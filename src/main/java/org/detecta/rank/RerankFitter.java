package org.detecta.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.IObjective;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Fits the {@link Reranker} on cross-fitted validation cases ranked by the linear fusion: per case the best
 * {@link Reranker#TOP} candidates are a group, the linear logit / temperature is the base margin, and the trees
 * minimise the softmax loss of the true diagnosis within the group (a custom XGBoost objective: gradient p − y,
 * Hessian p(1 − p)). Cases whose diagnosis is not among the group's rows teach the trees nothing; with the cases of a
 * disease the model does not know they still enter the refit of the unlisted-disease logit on the final logits.
 * {@code -Ddetecta.rare.rerank=false} leaves the fusion linear (for experiments).
 */
final class RerankFitter {
  static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("detecta.rare.rerank", "true"));
  private static final int ROUNDS = 200;
  private static final Map<String, Object> PARAMETERS = Map.of("eta", 0.05, "max_depth", 4, "min_child_weight", 1.0,
      "subsample", 0.8, "colsample_bytree", 0.8, "lambda", 1.0, "base_score", 0.0, "tree_method", "hist",
      "seed", 1, "nthread", 2);
  static final String DESCRIPTION = "XGBoost, " + ROUNDS + " trees of depth " + PARAMETERS.get("max_depth") + ", eta "
      + PARAMETERS.get("eta") + ", softmax within each case over the linear fusion's best " + Reranker.TOP;

  private RerankFitter() {
  }

  /**
   * One case under the linear fusion: {@code treeRows} rows of {@link Reranker#WIDTH} columns (its best candidates),
   * the linear logits of those rows then of extra rows the trees do not score — a true diagnosis outside the best
   * candidates, and the rest of the disease space as one row (temperature · its log-sum-exp) — and which rows are a
   * true diagnosis (none: not in the model).
   */
  record Group(float[] x, int treeRows, double[] z, boolean[] truth) {
    boolean learnable() {
      for (int r = 0; r < treeRows; r++) {
        if (truth[r]) {
          return true;
        }
      }
      return false;
    }
  }

  static List<Group> groups(ScoringModel model, FusionModel linear, List<ResolvedCase> cases) {
    List<ResolvedCase> usable = cases.stream().filter(c -> c.observed().length > 0).toList();
    Group[] out = new Group[usable.size()];
    IntStream.range(0, usable.size()).parallel().forEach(i -> out[i] = group(model, linear, usable.get(i)));
    return Arrays.asList(out);
  }

  static Group group(ScoringModel model, FusionModel linear, ResolvedCase c) {
    float[][] comps = model.scoreAll(c.observed(), c.excluded());
    boolean[] all = new boolean[ScoringModel.COMPONENTS];
    Arrays.fill(all, true);
    FusionFeatures features = new FusionFeatures(comps, model, all);
    float[] z = new float[model.size()];
    linear.fuse(comps, model, z);
    double t = linear.temperature();
    int[] best = Ranks.top(z, Reranker.TOP);
    float[] x = Reranker.rows(z, t, features, best);
    boolean[] inBest = new boolean[z.length];
    List<Double> logits = new ArrayList<>();
    List<Boolean> truth = new ArrayList<>();
    for (int d : best) {
      inBest[d] = true;
      logits.add((double) z[d]);
      truth.add(c.diagnoses().contains(model.id(d)));
    }
    for (String id : c.diagnoses()) {
      int d = model.indexOf(id);
      if (d >= 0 && !inBest[d]) {
        inBest[d] = true;
        logits.add((double) z[d]);
        truth.add(true);
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int d = 0; d < z.length; d++) {
      max = inBest[d] ? max : Math.max(max, z[d] / t);
    }
    if (max > Double.NEGATIVE_INFINITY) {
      double sum = 0;
      for (int d = 0; d < z.length; d++) {
        sum += inBest[d] ? 0 : Math.exp(z[d] / t - max);
      }
      logits.add(t * (max + Math.log(sum)));
      truth.add(false);
    }
    boolean[] flags = new boolean[truth.size()];
    for (int r = 0; r < flags.length; r++) {
      flags[r] = truth.get(r);
    }
    return new Group(x, best.length, logits.stream().mapToDouble(Double::doubleValue).toArray(), flags);
  }

  /** The linear fit with a re-ranker trained on the groups and the unlisted logit refitted on the final logits. */
  static FusionFitter.Fit fit(FusionFitter.Fit linear, List<Group> groups, Consumer<String> progress) {
    List<Group> train = groups.stream().filter(Group::learnable).toList();
    if (train.isEmpty()) {
      return linear;
    }
    double t = linear.model().temperature();
    Reranker reranker;
    try {
      reranker = new Reranker(train(train, t).toByteArray("json"));
    } catch (XGBoostError | java.io.IOException e) {
      throw new IllegalStateException("re-ranker training failed: " + e.getMessage(), e);
    }
    double[][] before = new double[groups.size()][];
    double[][] after = new double[groups.size()][];
    List<FusionFitter.Candidates> candidates = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      before[i] = g.z();
      after[i] = g.z().clone();
      float[] score = reranker.predict(g.x(), g.treeRows());
      for (int r = 0; r < g.treeRows(); r++) {
        after[i][r] += t * score[r];
      }
      candidates.add(new FusionFitter.Candidates(new float[g.z().length][0], g.truth(), new float[g.z().length]));
    }
    int[] known = IntStream.range(0, groups.size()).filter(i -> candidates.get(i).known()).toArray();
    List<FusionFitter.Candidates> knownCandidates = Arrays.stream(known).mapToObj(candidates::get).toList();
    double llBefore = FusionFitter.logLikelihood(knownCandidates,
        Arrays.stream(known).mapToObj(i -> before[i]).toArray(double[][]::new), t);
    double ll = FusionFitter.logLikelihood(knownCandidates,
        Arrays.stream(known).mapToObj(i -> after[i]).toArray(double[][]::new), t);
    double unlisted = FusionFitter.unlisted(candidates, after, t);
    double ece = FusionFitter.ece(candidates, after, t, unlisted);
    FusionModel model = linear.model().withReranker(reranker).withUnlisted(unlisted);
    // in-sample for the trees: the held-out figures are those of evaluate --cv and the training's test split
    progress.accept(String.format("re-ranker: %d trees on the best %d candidates of %d cases; mean log-likelihood"
        + " %.3f → %.3f, ECE %.3f (in-sample), unlisted %.3f", ROUNDS, Reranker.TOP, train.size(), llBefore, ll, ece,
        unlisted));
    return new FusionFitter.Fit(model, ll, ece, known.length);
  }

  static Booster train(List<Group> train, double t) throws XGBoostError {
    int rows = train.stream().mapToInt(Group::treeRows).sum();
    float[] x = new float[rows * Reranker.WIDTH];
    float[] base = new float[rows];
    float[] label = new float[rows];
    int[] starts = new int[train.size() + 1];
    int at = 0;
    for (int i = 0; i < train.size(); i++) {
      Group g = train.get(i);
      starts[i] = at;
      System.arraycopy(g.x(), 0, x, at * Reranker.WIDTH, g.treeRows() * Reranker.WIDTH);
      for (int r = 0; r < g.treeRows(); r++) {
        base[at + r] = (float) (g.z()[r] / t);
        label[at + r] = g.truth()[r] ? 1f : 0f;
      }
      at += g.treeRows();
    }
    starts[train.size()] = rows;
    DMatrix data = new DMatrix(x, rows, Reranker.WIDTH, Float.NaN);
    data.setBaseMargin(base);
    data.setLabel(label);
    try {
      return XGBoost.train(data, new HashMap<>(PARAMETERS), ROUNDS, Map.of(), groupSoftmax(starts, label), null);
    } finally {
      data.dispose();
    }
  }

  /** Softmax loss of the true rows within each group (several true rows share the target mass). */
  static IObjective groupSoftmax(int[] starts, float[] label) {
    return (predicts, data) -> {
      float[] grad = new float[label.length];
      float[] hess = new float[label.length];
      for (int s = 0; s + 1 < starts.length; s++) {
        double max = Double.NEGATIVE_INFINITY;
        double positives = 0;
        for (int i = starts[s]; i < starts[s + 1]; i++) {
          max = Math.max(max, predicts[i][0]);
          positives += label[i];
        }
        double sum = 0;
        for (int i = starts[s]; i < starts[s + 1]; i++) {
          sum += Math.exp(predicts[i][0] - max);
        }
        for (int i = starts[s]; i < starts[s + 1]; i++) {
          double p = Math.exp(predicts[i][0] - max) / sum;
          grad[i] = (float) (p - label[i] / Math.max(1, positives));
          hess[i] = (float) Math.max(1e-6, p * (1 - p));
        }
      }
      return List.of(grad, hess);
    };
  }
}
