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
    this.kb = kb;
    this.parameters = parameters;
    this.kbProfiles = new KbProfiles(kb, parameters);
    this.labels = Map.copyOf(labels);
  }

  public RankParameters parameters() {
    return parameters;
  }

  public ScoringModel scoringModel(List<ResolvedCase> training) {
    CaseProfiles profiles = CaseProfiles.learn(training, kb.terms(), parameters.publicationCap());
    return new ScoringModel(kb, kbProfiles, profiles, labels, parameters);
  }

  public ScoringModel scoringModel(CaseProfiles profiles) {
    return new ScoringModel(kb, kbProfiles, profiles, labels, parameters);
  }

  /** Profiles on {@code training}, weights on {@code validation}. */
  public FusionFitter.Fit fitWeights(List<ResolvedCase> training, List<ResolvedCase> validation,
                                     Consumer<String> progress) {
    return FusionFitter.fit(scoringModel(training), validation, progress);
  }

  public RareEngine engine(List<ResolvedCase> training, FusionWeights weights) {
    Set<String> ids = new HashSet<>();
    training.forEach(c -> ids.add(c.id()));
    return new RareEngine(scoringModel(training), weights, ids);
  }

  /** Ranks ({@code [fusion][case]}, 0 = disease unknown to the model) of each case under each fusion. */
  public static int[][] ranks(ScoringModel model, List<ResolvedCase> cases, List<FusionWeights> fusions) {
    int[][] ranks = new int[fusions.size()][cases.size()];
    IntStream.range(0, cases.size()).parallel().forEach(i -> {
      ResolvedCase c = cases.get(i);
      float[][] comps = model.scoreAll(c.observed(), c.excluded());
      float[] fused = new float[model.size()];
      for (int f = 0; f < fusions.size(); f++) {
        fusions.get(f).fuse(comps, fused);
        ranks[f][i] = Ranks.rankOfAny(fused, model, c.diagnoses());
      }
    });
    return ranks;
  }
}
