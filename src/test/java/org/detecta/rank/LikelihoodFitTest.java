package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;

/** The validation search of the likelihood-ratio constants on the hand-made ontology of {@link RareEngineTest}. */
class LikelihoodFitTest {
  @Test
  void searchNeverEndsBelowItsStartAndReturnsTheModelOfTheChosenConstants() throws Exception {
    Path dir = Path.of(getClass().getResource("hp.small.json").toURI()).getParent();
    KnowledgeBase kb = KnowledgeBaseLoader.load(dir.resolve("hp.small.json"), dir.resolve("small.hpoa"));
    TermResolver r = new TermResolver(kb.terms());
    List<ResolvedCase> validation = List.of(
        resolved(r, "v1", List.of("HP:0001631"), "OMIM:100003"),
        resolved(r, "v2", List.of("HP:0007359", "HP:0000252"), "OMIM:100001"),
        resolved(r, "v3", List.of("HP:0000256"), "OMIM:100005"),
        resolved(r, "v4", List.of("HP:0000107", "HP:0000505"), "OMIM:100004"));
    RankParameters start = RankParameters.defaults().withNoise(0.01).withFrequencyExponent(1).withSizeExponent(1);
    RareTrainer trainer = new RareTrainer(kb, start, Map.of());
    ScoringModel model = trainer.scoringModel(List.of());
    double before = LikelihoodFit.mrr(model, validation);
    LikelihoodFit.Result fit = LikelihoodFit.fit(model, p -> trainer.withParameters(p).scoringModel(List.of()),
        validation, line -> { });
    assertTrue(fit.mrr() >= before, fit.mrr() + " < " + before);
    assertEquals(fit.parameters(), fit.model().parameters());
    assertEquals(fit.mrr(), LikelihoodFit.mrr(fit.model(), validation), 1e-12);
    // repeated passes end at a coordinate-wise optimum: no single grid value improves on the chosen constants
    double[][] grids = {LikelihoodFit.UNKNOWN_FREQUENCY, LikelihoodFit.FREQUENCY_EXPONENT, LikelihoodFit.SIZE_EXPONENT,
        LikelihoodFit.NOISE, LikelihoodFit.NOT_PENALTY};
    for (int axis = 0; axis < grids.length; axis++) {
      for (double value : grids[axis]) {
        RankParameters p = LikelihoodFit.axisValue(fit.parameters(), axis, value);
        double mrr = LikelihoodFit.mrr(trainer.withParameters(p).scoringModel(List.of()), validation);
        assertTrue(mrr <= fit.mrr() + 1e-12, p + ": " + mrr + " > " + fit.mrr());
      }
    }
  }

  @Test
  void usableCasesAreEvenlySpacedAndBounded() throws Exception {
    Path dir = Path.of(getClass().getResource("hp.small.json").toURI()).getParent();
    KnowledgeBase kb = KnowledgeBaseLoader.load(dir.resolve("hp.small.json"), dir.resolve("small.hpoa"));
    TermResolver r = new TermResolver(kb.terms());
    ScoringModel model = new RareTrainer(kb, RankParameters.defaults(), Map.of()).scoringModel(List.of());
    List<ResolvedCase> many = new ArrayList<>();
    int total = 2 * LikelihoodFit.MAX_CASES + 200;
    for (int i = 0; i < total; i++) {
      many.add(resolved(r, "c" + i, List.of("HP:0001631"), i % 2 == 0 ? "OMIM:100003" : "OMIM:000000"));
    }
    List<ResolvedCase> used = LikelihoodFit.usable(model, many);
    assertEquals(LikelihoodFit.MAX_CASES, used.size());
    assertTrue(used.stream().allMatch(c -> c.diagnoses().contains("OMIM:100003")), "unknown diagnoses dropped");
    assertEquals("c0", used.get(0).id());
    assertTrue(Integer.parseInt(used.get(used.size() - 1).id().substring(1)) > total * 9 / 10,
        "spread over the whole list");
  }

  private static ResolvedCase resolved(TermResolver r, String id, List<String> observed, String disease) {
    List<String> unknown = new ArrayList<>();
    return new ResolvedCase(id, "PMID:" + id, r.resolve(observed, unknown), new int[0], List.of(disease), unknown);
  }
}
