package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.detecta.kb.TermIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nearest-case scoring on the 21-term test ontology. */
class CaseNeighboursTest {
  private static KnowledgeBase kb;
  private static int[][] ancestors;
  private static double[] ic;
  private static final Map<String, Integer> DISEASES = Map.of("D:1", 0, "D:2", 1, "D:3", 2);

  @BeforeAll
  static void load() throws Exception {
    Path dir = Path.of(CaseNeighboursTest.class.getResource("hp.small.json").toURI()).getParent();
    kb = KnowledgeBaseLoader.load(dir.resolve("hp.small.json"), dir.resolve("small.hpoa"));
    TermIndex terms = kb.terms();
    ancestors = new int[terms.size()][];
    ic = new double[terms.size()];
    for (int t = 0; t < terms.size(); t++) {
      ancestors[t] = terms.ancestors(t);
      ic[t] = kb.informationContent(t);
    }
  }

  private static int[] terms(String... ids) {
    return new TermResolver(kb.terms()).resolve(List.of(ids), new ArrayList<>());
  }

  private static ResolvedCase patient(String id, String pmid, String disease, String... observed) {
    return new ResolvedCase(id, pmid, terms(observed), new int[0], List.of(disease), List.of());
  }

  @Test
  void identicalCaseScoresOneAndUnrelatedDiseasesScoreLess() {
    CaseNeighbours knn = new CaseNeighbours(List.of(
        patient("a", "P1", "D:1", "HP:0001631", "HP:0001166"),
        patient("b", "P2", "D:2", "HP:0000256", "HP:0010442")), DISEASES, ancestors, ic, 0.0, 1);
    float[] out = new float[3];
    knn.score(terms("HP:0001631", "HP:0001166"), new int[0], out);
    assertEquals(1.0, out[0], 1e-5, "same terms: cosine 1");
    assertTrue(out[1] < 0.5, "different organ systems share only the root-ward terms: " + out[1]);
    assertEquals(0.0, out[2], "a disease without training cases scores 0");
  }

  @Test
  void sharingASpecificTermCountsMoreThanSharingAGeneralOne() {
    CaseNeighbours knn = new CaseNeighbours(List.of(
        patient("a", "P1", "D:1", "HP:0007359"),
        patient("b", "P2", "D:2", "HP:0001263")), DISEASES, ancestors, ic, 0.0, 1);
    float[] out = new float[3];
    knn.score(terms("HP:0002069"), new int[0], out);
    assertTrue(out[0] > out[1], "two seizure types share 'Seizure'; delay shares only 'nervous system': "
        + out[0] + " vs " + out[1]);
  }

  @Test
  void onePublicationCannotFillADiseasesNeighbours() {
    // D:1 has two identical cases from one paper; with top-2 averaging its second slot stays empty (0)
    List<ResolvedCase> cases = List.of(
        patient("a", "P1", "D:1", "HP:0000107"),
        patient("b", "P1", "D:1", "HP:0000107"),
        patient("c", "P2", "D:2", "HP:0000107"),
        patient("d", "P3", "D:2", "HP:0000107"));
    float[] out = new float[3];
    new CaseNeighbours(cases, DISEASES, ancestors, ic, 0.0, 2).score(terms("HP:0000107"), new int[0], out);
    assertEquals(0.5, out[0], 1e-5);
    assertEquals(1.0, out[1], 1e-5);
  }

  @Test
  void nearestNamesTheBestCaseOfEachPublicationAndTheFirstIsTheScore() {
    CaseNeighbours knn = new CaseNeighbours(List.of(
        patient("a1", "PMID:1", "D:1", "HP:0001631"),
        patient("a2", "PMID:1", "D:1", "HP:0001631", "HP:0001166"),
        patient("b1", "PMID:2", "D:1", "HP:0000256"),
        patient("c1", "PMID:3", "D:1", "HP:0001166"),
        patient("x", "PMID:4", "D:2", "HP:0001631", "HP:0001166")), DISEASES, ancestors, ic, 0.0, 1);
    int[] query = terms("HP:0001631", "HP:0001166");
    float[] out = new float[3];
    knn.score(query, new int[0], out);
    List<org.detecta.diagnosis.SimilarCase> near = knn.nearest(query, 0, 2);
    assertEquals(2, near.size(), near.toString());
    assertEquals("a2", near.get(0).caseId(), "the identical case of PMID:1, not its other case a1");
    assertEquals("PMID:1", near.get(0).publication());
    assertEquals(out[0], near.get(0).similarity(), 1e-5, "the first one is the disease's score");
    assertTrue(near.get(1).similarity() <= near.get(0).similarity());
    assertTrue(near.stream().noneMatch(c -> c.caseId().equals("x")), "only the disease's own cases");
    List<org.detecta.diagnosis.SimilarCase> all = knn.nearest(query, 0, 10);
    assertEquals(all.size(), all.stream().map(org.detecta.diagnosis.SimilarCase::publication).distinct().count(),
        "one case per publication: " + all);
    assertTrue(all.stream().allMatch(c -> c.similarity() > 0), "similar cases only: " + all);
    assertEquals(List.of(), knn.nearest(query, 2, 3), "a disease without training cases");
  }
}
