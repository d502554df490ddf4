package org.detecta.rank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.detecta.pipeline.RankingMetrics;

/**
 * K-fold cross-validation grouped by publication. Per fold: profiles learned on the other folds, fusion
 * weights fitted on an inner publication-grouped validation split of them (profiles on the inner rest),
 * then the held-out fold ranked by each component alone and by the fusion, split into cases whose disease
 * had training cases in that fold (seen) and the rest (unseen). Optional perturbation of the held-out
 * cases: {@code noise} random extra terms, {@code imprecision} replaces each term by a parent.
 */
public final class CrossValidation {
  public static final List<String> METHODS = List.of("similarity", "lr-kb", "lr-cases", "excluded", "fused");

  private CrossValidation() {
  }

  /** method → subset (overall, seen, unseen) → metrics. */
  public static Map<String, Map<String, RankingMetrics>> run(RareTrainer trainer, List<ResolvedCase> cases, int k,
                                                             long seed, int noise, boolean imprecision,
                                                             Consumer<String> progress) {
    int[] folds = GroupedSplit.folds(cases, k, seed);
    List<List<Integer>> overall = new ArrayList<>();
    List<List<Integer>> seen = new ArrayList<>();
    List<List<Integer>> unseen = new ArrayList<>();
    for (int m = 0; m < METHODS.size(); m++) {
      overall.add(new ArrayList<>());
      seen.add(new ArrayList<>());
      unseen.add(new ArrayList<>());
    }
    for (int f = 0; f < k; f++) {
      List<ResolvedCase> train = GroupedSplit.select(cases, folds, f, false);
      List<ResolvedCase> test = GroupedSplit.select(cases, folds, f, true);
      int[] inner = GroupedSplit.parts(train, new double[] {0.8, 0.2}, seed + f + 1);
      FusionFitter.Fit fit = trainer.fitWeights(GroupedSplit.select(train, inner, 0, true),
          GroupedSplit.select(train, inner, 1, true), progress);
      CaseProfiles profiles = CaseProfiles.learn(train, trainer.scoringModel(List.of()).terms(),
          trainer.parameters().publicationCap());
      ScoringModel model = trainer.scoringModel(profiles);
      List<ResolvedCase> perturbed = perturb(test, model, noise, imprecision, new Random(seed * 31 + f));
      List<FusionWeights> fusions = List.of(FusionWeights.only(ScoringModel.SIMILARITY),
          FusionWeights.only(ScoringModel.LR_KB), FusionWeights.only(ScoringModel.LR_CASES),
          FusionWeights.only(ScoringModel.EXCLUDED), fit.weights());
      int[][] ranks = RareTrainer.ranks(model, perturbed, fusions);
      for (int i = 0; i < test.size(); i++) {
        boolean isSeen = test.get(i).diagnoses().stream().anyMatch(profiles.diseases()::containsKey);
        for (int m = 0; m < METHODS.size(); m++) {
          overall.get(m).add(ranks[m][i]);
          (isSeen ? seen : unseen).get(m).add(ranks[m][i]);
        }
      }
      progress.accept(String.format("fold %d/%d: %d test cases, fused top1 so far %.3f", f + 1, k, test.size(),
          RankingMetrics.of(toArray(overall.get(METHODS.size() - 1))).top1()));
    }
    Map<String, Map<String, RankingMetrics>> result = new LinkedHashMap<>();
    for (int m = 0; m < METHODS.size(); m++) {
      Map<String, RankingMetrics> bySubset = new LinkedHashMap<>();
      bySubset.put("overall", RankingMetrics.of(toArray(overall.get(m))));
      bySubset.put("seen", RankingMetrics.of(toArray(seen.get(m))));
      bySubset.put("unseen", RankingMetrics.of(toArray(unseen.get(m))));
      result.put(METHODS.get(m), bySubset);
    }
    return result;
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
