package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.detecta.SharedData;
import org.detecta.cases.PhenopacketReader;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.Query;
import org.detecta.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;

/**
 * The serving path (bounded top-k selection, zero-weight features and unused components skipped) gives
 * exactly the ranking of the plain definition: every disease fused with every component, fully sorted by
 * (logit desc, id asc), softmax over the whole disease space. Real data: profiles from a sample of
 * publications, 50 held-out cases, one fusion with every feature and one without the likelihood ratios.
 */
class RareFastPathIT {
  private static final int TOP = 20;

  @Test
  void fastRankingEqualsFullSortReference() throws Exception {
    KnowledgeBase kb = SharedData.knowledgeBase();
    TermResolver resolver = new TermResolver(kb.terms());
    List<ResolvedCase> cases = new PhenopacketReader().read(SharedData.path("phenopackets")).cases().stream()
        .filter(c -> !c.diagnoses().isEmpty()).map(resolver::resolve).toList();
    int[] parts = GroupedSplit.parts(cases, new double[] {0.1, 0.02, 0.88}, 11);
    List<ResolvedCase> train = GroupedSplit.select(cases, parts, 0, true);
    List<ResolvedCase> held = GroupedSplit.select(cases, parts, 1, true).stream().limit(50).toList();
    assertTrue(held.size() >= 30, "held-out cases: " + held.size());
    RareTrainer trainer = new RareTrainer(kb, RankParameters.defaults(), Map.of());
    double[] all = IntStream.range(0, FusionFeatures.COUNT).mapToDouble(f -> 0.1 + 0.05 * f).toArray();
    double[] noLr = all.clone();
    for (String dropped : List.of("lr-kb", "lr-cases", "excluded", "lr-cases*seen", "rank:lr-kb", "rank:lr-cases")) {
      noLr[FusionFeatures.NAMES.indexOf(dropped)] = 0;
    }
    ScoringModel model = trainer.scoringModel(train);
    for (FusionModel fusion : List.of(new FusionModel(all, 0.7), new FusionModel(noLr, 1.3))) {
      RareEngine engine = new RareEngine(model, fusion, java.util.Set.of());
      for (ResolvedCase c : held) {
        Query q = Query.of(ids(kb, c.observed()), ids(kb, c.excluded()));
        List<String[]> expected = reference(model, fusion, c);
        for (Differential d : List.of(engine.rank(q, TOP), engine.diagnose(q, TOP))) {
          List<Candidate> got = d.candidates();
          assertEquals(TOP, got.size());
          for (int i = 0; i < TOP; i++) {
            assertEquals(expected.get(i)[0], got.get(i).id(), c.id() + " rank " + (i + 1));
            assertEquals(Double.parseDouble(expected.get(i)[1]), got.get(i).probability(), 1e-9, c.id());
          }
        }
      }
    }
  }

  private static List<String> ids(KnowledgeBase kb, int[] terms) {
    List<String> out = new ArrayList<>();
    for (int t : terms) {
      out.add(kb.terms().id(t).getValue());
    }
    return out;
  }

  /** (id, probability) of the {@value #TOP} best, by the unoptimised definition. */
  private static List<String[]> reference(ScoringModel model, FusionModel fusion, ResolvedCase c) {
    float[][] components = model.scoreAll(c.observed(), c.excluded());
    boolean[] computed = new boolean[ScoringModel.COMPONENTS];
    java.util.Arrays.fill(computed, true);
    FusionFeatures features = new FusionFeatures(components, model, computed);
    float[] logits = new float[model.size()];
    float[] x = new float[FusionFeatures.COUNT];
    for (int d = 0; d < logits.length; d++) {
      features.row(d, x);
      double s = 0;
      for (int f = 0; f < x.length; f++) {
        s += fusion.weight(f) * x[f];
      }
      logits[d] = (float) s;
    }
    double t = fusion.temperature();
    double lse = Ranks.logSumExp(logits, t);
    List<Integer> order = new ArrayList<>(IntStream.range(0, logits.length).boxed().toList());
    order.sort(Comparator.<Integer>comparingDouble(d -> -logits[d]).thenComparing(model::id));
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < TOP; i++) {
      int d = order.get(i);
      out.add(new String[] {model.id(d), Double.toString(Math.min(1.0, Math.exp(logits[d] / t - lse)))});
    }
    return out;
  }
}
