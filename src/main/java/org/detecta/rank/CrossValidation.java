package org.detecta.rank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.detecta.pipeline.RankingMetrics;

/**
 * K-fold cross-validation grouped by publication, against a KB-only similarity baseline. Per fold: the
 * likelihood-ratio constants are chosen on one inner publication-grouped part of the training folds
 * ({@link RareTrainer#tuneLikelihoods}), then the fusion (linear weights, then the re-ranker) is cross-fitted on the
 * training folds alone ({@value #DEFAULT_INNER_PARTS} inner publication-grouped parts; each part scored by components
 * built on the other parts), then every component is rebuilt on all training folds and the held-out fold is ranked by
 * each component alone, by the linear fusion and by the product. Cases are split by whether one of their diseases has
 * a case in the training folds (seen); unseen ones further by whether the disease is in the KB (unseen-in-kb) or
 * nowhere in the model (not-in-model, counted as misses). Optional perturbation of the held-out cases: {@code noise}
 * random extra terms, {@code imprecision} replaces each term by a parent.
 */
public final class CrossValidation {
  /**
   * {@code kb-similarity} is the KB-only baseline (Phenomizer-like: the similarity component of a model built without
   * any case); the components are those of the fold's model; {@code fused-linear} is the fusion's first stage alone,
   * {@code fused} the product (with the re-ranker).
   */
  public static final List<String> METHODS = List.of("kb-similarity", "similarity", "lr-kb", "lr-cases", "excluded",
      "knn", "prior", "fused-linear", "fused");
  public static final List<String> SUBSETS = List.of("overall", "seen", "unseen", "unseen-in-kb", "not-in-model");
  private static final int[] COMPONENT_OF = {ScoringModel.SIMILARITY, ScoringModel.LR_KB, ScoringModel.LR_CASES,
      ScoringModel.EXCLUDED, ScoringModel.KNN, ScoringModel.PRIOR};

  /**
   * Inner cross-fitting parts for the fusion (1 = a single 80/20 inner split). 3 parts: every training case
   * serves the fusion fit, not a fifth of them (2,665-case sample, 5-fold CV: fused top-1 0.251 → 0.262).
   */
  static final int DEFAULT_INNER_PARTS = 3;
  static final int INNER_PARTS = Integer.getInteger("detecta.rare.inner", DEFAULT_INNER_PARTS);

  private CrossValidation() {
  }

  /** Metrics by method then subset; the fused model's held-out ECE; the fusion fitted per fold. */
  public record Result(Map<String, Map<String, RankingMetrics>> metrics, double fusedEce, List<String> fusions) {
  }

  /** Whole publications drawn in seeded random order until at least {@code n} cases (all when n ≤ 0). */
  public static List<ResolvedCase> sample(List<ResolvedCase> cases, int n, long seed) {
    if (n <= 0 || n >= cases.size()) {
      return cases;
    }
    int[] parts = GroupedSplit.folds(cases, Math.max(2, cases.size() / Math.max(1, n)), seed);
    List<ResolvedCase> out = new ArrayList<>();
    for (int k = 0; out.size() < n; k++) {
      out.addAll(GroupedSplit.select(cases, parts, k, true));
    }
    return out;
  }

  public static Result run(RareTrainer trainer, List<ResolvedCase> cases, int k, long seed, int noise,
                           boolean imprecision, Consumer<String> progress) {
    int[] folds = GroupedSplit.folds(cases, k, seed);
    List<List<List<Integer>>> ranks = new ArrayList<>();
    for (int m = 0; m < METHODS.size(); m++) {
      List<List<Integer>> bySubset = new ArrayList<>();
      SUBSETS.forEach(s -> bySubset.add(new ArrayList<>()));
      ranks.add(bySubset);
    }
    List<String> fusions = new ArrayList<>();
    List<float[]> calibration = new ArrayList<>();
    ScoringModel kbOnly = trainer.scoringModel(List.of());
    for (int f = 0; f < k; f++) {
      List<ResolvedCase> train = GroupedSplit.select(cases, folds, f, false);
      List<ResolvedCase> test = GroupedSplit.select(cases, folds, f, true);
      FusionFitter.Fit fit;
      RareTrainer foldTrainer = trainer.tuneLikelihoods(train, INNER_PARTS, seed + f + 1, progress);
      if (INNER_PARTS > 1) {
        fit = foldTrainer.fitWeightsCrossed(train, INNER_PARTS, seed + f + 1, progress);
      } else {
        int[] inner = GroupedSplit.parts(train, new double[] {0.8, 0.2}, seed + f + 1);
        fit = foldTrainer.fitWeights(GroupedSplit.select(train, inner, 0, true),
            GroupedSplit.select(train, inner, 1, true), progress);
      }
      fusions.add(fit.model().toString());
      ScoringModel model = foldTrainer.scoringModel(train);
      Set<String> trained = new HashSet<>();
      train.forEach(c -> trained.addAll(c.diagnoses()));
      List<ResolvedCase> perturbed = perturb(test, model, noise, imprecision, new Random(seed * 31 + f));
      List<FusionModel> methods = new ArrayList<>();
      for (int c : COMPONENT_OF) {
        methods.add(FusionModel.only(c));
      }
      methods.add(fit.model().withReranker(null));
      methods.add(fit.model());
      float[][] topProbability = new float[perturbed.size()][];
      int[][] foldRanks = new int[METHODS.size()][];
      foldRanks[0] = RareTrainer.ranks(kbOnly, perturbed, List.of(FusionModel.only(ScoringModel.SIMILARITY)))[0];
      System.arraycopy(RareTrainer.ranks(model, perturbed, methods, topProbability), 0, foldRanks, 1, methods.size());
      calibration.addAll(List.of(topProbability));
      for (int i = 0; i < test.size(); i++) {
        List<String> diagnoses = test.get(i).diagnoses();
        boolean seen = diagnoses.stream().anyMatch(trained::contains);
        boolean known = diagnoses.stream().anyMatch(d -> model.indexOf(d) >= 0);
        String detail = seen ? null : known ? "unseen-in-kb" : "not-in-model";
        for (int m = 0; m < METHODS.size(); m++) {
          List<List<Integer>> bySubset = ranks.get(m);
          bySubset.get(0).add(foldRanks[m][i]);
          bySubset.get(seen ? 1 : 2).add(foldRanks[m][i]);
          if (detail != null) {
            bySubset.get(SUBSETS.indexOf(detail)).add(foldRanks[m][i]);
          }
        }
      }
      progress.accept(String.format("fold %d/%d: %d test cases, fused top1 so far %.3f", f + 1, k, test.size(),
          RankingMetrics.of(toArray(ranks.get(METHODS.size() - 1).get(0))).top1()));
    }
    Map<String, Map<String, RankingMetrics>> result = new LinkedHashMap<>();
    for (int m = 0; m < METHODS.size(); m++) {
      Map<String, RankingMetrics> bySubset = new LinkedHashMap<>();
      for (int s = 0; s < SUBSETS.size(); s++) {
        bySubset.put(SUBSETS.get(s), RankingMetrics.of(toArray(ranks.get(m).get(s))));
      }
      result.put(METHODS.get(m), bySubset);
    }
    return new Result(result, expectedCalibrationError(calibration), fusions);
  }

  /** 10 equal-width bins of the top-1 probability: Σ |mean confidence − accuracy| · share of cases. */
  static double expectedCalibrationError(List<float[]> predictions) {
    double[] conf = new double[10];
    double[] hits = new double[10];
    for (float[] p : predictions) {
      int bin = Math.min(9, (int) (p[0] * 10));
      conf[bin] += p[0];
      hits[bin] += p[1];
    }
    double e = 0;
    for (int b = 0; b < 10; b++) {
      e += Math.abs(conf[b] - hits[b]) / Math.max(1, predictions.size());
    }
    return e;
  }

  static List<ResolvedCase> perturb(List<ResolvedCase> cases, ScoringModel model, int noise, boolean imprecision,
                                    Random random) {
    if (noise <= 0 && !imprecision) {
      return cases;
    }
    var terms = model.terms();
    List<ResolvedCase> out = new ArrayList<>();
    for (ResolvedCase c : cases) {
      java.util.TreeSet<Integer> observed = new java.util.TreeSet<>();
      for (int t : c.observed()) {
        int[] parents = terms.parents(t);
        observed.add(imprecision && parents.length > 0 ? parents[random.nextInt(parents.length)] : t);
      }
      for (int i = 0; i < noise; i++) {
        observed.add(random.nextInt(terms.size()));
      }
      out.add(new ResolvedCase(c.id(), c.group(), observed.stream().mapToInt(Integer::intValue).toArray(),
          c.excluded(), c.diagnoses(), c.unknown()));
    }
    return out;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
