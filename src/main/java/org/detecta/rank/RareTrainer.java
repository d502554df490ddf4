package org.detecta.rank;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.detecta.kb.KnowledgeBase;

/**
 * Builds engines from a KB and training cases: profiles learned on one set of cases, fusion weights fitted
 * on a disjoint (publication-grouped) validation set. Also measures ranks of cases under several fusions.
 */
public final class RareTrainer {
  private final KnowledgeBase kb;
  private final KbProfiles kbProfiles;
  private final RankParameters parameters;
  private final Map<String, String> labels;

  public RareTrainer(KnowledgeBase kb, RankParameters parameters, Map<String, String> labels) {
    this(kb, parameters, labels, new KbProfiles(kb, parameters));
  }

  private RareTrainer(KnowledgeBase kb, RankParameters parameters, Map<String, String> labels, KbProfiles kbProfiles) {
    this.kb = kb;
    this.parameters = parameters;
    this.kbProfiles = kbProfiles;
    this.labels = Map.copyOf(labels);
  }

  public RankParameters parameters() {
    return parameters;
  }

  /** The same trainer with other parameters (the KB profiles are rebuilt only if the unknown frequency differs). */
  public RareTrainer withParameters(RankParameters other) {
    return new RareTrainer(kb, other, labels, other.unknownFrequency() == parameters.unknownFrequency()
        ? kbProfiles : new KbProfiles(kb, other));
  }

  /**
   * This trainer with its likelihood-ratio constants chosen on held-out publications ({@link LikelihoodFit}):
   * the cases are split by publication into {@code parts} (as {@link #fitWeightsCrossed} does with the same seed);
   * components built on parts 1.. are validated on part 0.
   */
  public RareTrainer tuneLikelihoods(List<ResolvedCase> cases, int parts, long seed, Consumer<String> progress) {
    int[] folds = GroupedSplit.folds(cases, Math.max(2, parts), seed);
    List<ResolvedCase> training = GroupedSplit.select(cases, folds, 0, false);
    LikelihoodFit.Result constants = LikelihoodFit.fit(scoringModel(training),
        p -> withParameters(p).scoringModel(training), GroupedSplit.select(cases, folds, 0, true), progress);
    return withParameters(constants.parameters());
  }

  public ScoringModel scoringModel(List<ResolvedCase> training) {
    return new ScoringModel(kb, kbProfiles, training, labels, parameters);
  }

  /**
   * Cross-fitted fusion: the cases are split by publication into {@code parts}; for each part, components
   * built on the other parts score it; the linear fusion is fitted on all those out-of-part candidate sets, then the
   * re-ranker on the same cases ranked by it ({@link RerankFitter}).
   */
  public FusionFitter.Fit fitWeightsCrossed(List<ResolvedCase> cases, int parts, long seed, Consumer<String> progress) {
    int[] folds = GroupedSplit.folds(cases, parts, seed);
    List<FusionFitter.Candidates> data = new java.util.ArrayList<>();
    for (int p = 0; p < parts; p++) {
      data.addAll(FusionFitter.candidates(scoringModel(GroupedSplit.select(cases, folds, p, false)),
          GroupedSplit.select(cases, folds, p, true)));
    }
    FusionFitter.Fit linear = FusionFitter.fit(data, progress);
    if (!RerankFitter.ENABLED) {
      return linear;
    }
    // second pass, same parts: each part ranked by the linear fusion on components built on the others (rebuilt
    // rather than kept, so only one part's model is in memory at a time)
    List<RerankFitter.Group> groups = new java.util.ArrayList<>();
    for (int p = 0; p < parts; p++) {
      groups.addAll(RerankFitter.groups(scoringModel(GroupedSplit.select(cases, folds, p, false)), linear.model(),
          GroupedSplit.select(cases, folds, p, true)));
    }
    return RerankFitter.fit(linear, groups, progress);
  }

  /** Profiles on {@code training}, weights on {@code validation}. */
  public FusionFitter.Fit fitWeights(List<ResolvedCase> training, List<ResolvedCase> validation,
                                     Consumer<String> progress) {
    return FusionFitter.fit(scoringModel(training), validation, progress);
  }

  public RareEngine engine(List<ResolvedCase> training, FusionWeights weights) {
    return engine(training, weights.toModel());
  }

  public RareEngine engine(List<ResolvedCase> training, FusionModel fusion) {
    Set<String> ids = new HashSet<>();
    training.forEach(c -> ids.add(c.id()));
    return new RareEngine(scoringModel(training), fusion, ids);
  }

  /** Ranks ({@code [fusion][case]}, 0 = disease unknown to the model) of each case under each fusion. */
  public static int[][] ranks(ScoringModel model, List<ResolvedCase> cases, List<FusionModel> fusions) {
    return ranks(model, cases, fusions, null);
  }

  /**
   * As {@link #ranks(ScoringModel, List, List)}; when {@code calibration} is given (length = cases), also
   * stores per case {top-1 probability, 1 if that candidate is a true diagnosis} under the last fusion.
   */
  public static int[][] ranks(ScoringModel model, List<ResolvedCase> cases, List<FusionModel> fusions,
                              float[][] calibration) {
    int[][] ranks = new int[fusions.size()][cases.size()];
    IntStream.range(0, cases.size()).parallel().forEach(i -> {
      ResolvedCase c = cases.get(i);
      float[][] comps = model.scoreAll(c.observed(), c.excluded());
      float[] fused = new float[model.size()];
      for (int f = 0; f < fusions.size(); f++) {
        fusions.get(f).fuse(comps, model, fused);
        ranks[f][i] = Ranks.rankOfAny(fused, model, c.diagnoses());
      }
      if (calibration != null) {
        FusionModel last = fusions.get(fusions.size() - 1);
        int top = Ranks.top(fused, 1)[0];
        double p = Math.exp(fused[top] / last.temperature() - last.logNormaliser(fused));
        calibration[i] = new float[] {(float) p, c.diagnoses().contains(model.id(top)) ? 1f : 0f};
      }
    });
    return ranks;
  }
}
