package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.detecta.SharedData;
import org.detecta.cases.PhenopacketReader;
import org.detecta.kb.KnowledgeBase;
import org.detecta.pipeline.RankingMetrics;
import org.junit.jupiter.api.Test;

/** Real data: profiles and fusion learned on publications disjoint from the held-out ones. */
class RareRankIT {
  @Test
  void heldOutPublicationsRankWellAboveChance() throws Exception {
    KnowledgeBase kb = SharedData.knowledgeBase();
    TermResolver resolver = new TermResolver(kb.terms());
    List<ResolvedCase> cases = new PhenopacketReader().read(SharedData.path("phenopackets")).cases().stream()
        .filter(c -> !c.diagnoses().isEmpty()).map(resolver::resolve).toList();
    int[] parts = GroupedSplit.parts(cases, new double[] {0.6, 0.2, 0.2}, 7);
    List<ResolvedCase> train = GroupedSplit.select(cases, parts, 0, true);
    List<ResolvedCase> validation = GroupedSplit.select(cases, parts, 1, true);
    List<ResolvedCase> test = GroupedSplit.select(cases, parts, 2, true);
    java.util.Set<String> trainGroups = new java.util.HashSet<>(train.stream().map(ResolvedCase::group).toList());
    assertTrue(test.stream().noneMatch(c -> trainGroups.contains(c.group())), "publications leak across the split");
    RareTrainer trainer = new RareTrainer(kb, RankParameters.defaults(), Map.of());
    FusionModel weights = trainer.fitWeights(train, validation, s -> { }).model();
    ScoringModel model = trainer.scoringModel(train);
    RankingMetrics fused = RankingMetrics.of(RareTrainer.ranks(model, test, List.of(weights))[0]);
    RankingMetrics kbOnly = RankingMetrics.of(RareTrainer.ranks(model, test,
        List.of(FusionModel.only(ScoringModel.LR_KB)))[0]);
    assertTrue(fused.top10() > 0.25, "held-out top-10 " + fused);
    assertTrue(fused.top10() > kbOnly.top10(), "fusion " + fused + " vs KB-only LR " + kbOnly);
  }
}
