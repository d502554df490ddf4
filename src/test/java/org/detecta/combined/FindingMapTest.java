package org.detecta.combined;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.detecta.SmallKb;
import org.detecta.learn.FeatureSpace;
import org.junit.jupiter.api.Test;

/** The mapping in both directions, on the shipped file and through the ontology. */
class FindingMapTest {
  @Test
  void shippedMappingRoundTripsEveryReversibleRowAndNoBroaderOne() {
    FindingMap map = FindingMap.bundled();
    assertTrue(map.rows().size() > 150);
    int reversible = 0;
    for (FindingMap.Row row : map.rows()) {
      assertTrue(map.hpoOf(row.source(), row.finding()).contains(row.hpo()), row.toString());
      boolean back = map.findingsOf(row.source(), row.hpo()).contains(row.finding());
      assertEquals(row.reversible(), back, row.toString());
      reversible += back ? 1 : 0;
    }
    assertTrue(reversible > 100, "most reviewed rows are equivalences: " + reversible);
    assertTrue(map.findingsOf("kaggle", "HP:0012735").contains("cough"));
    assertTrue(map.findingsOf("ddxplus", "HP:0012735").contains("E_201"), "HPO Cough is DDXPlus 'Do you have a cough?'");
    assertFalse(map.findingsOf("ddxplus", "HP:0012735").contains("E_203"), "but not 'intense coughing fits' (broader)");
  }

  @Test
  void artifactRowsParseBackToTheSameMapping() {
    FindingMap map = FindingMap.bundled();
    assertEquals(map.rows(), new FindingMap(map.rows()).rows());
  }

  @Test
  void malformedMappingIsRefusedWithTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FindingMap.parse(FindingMap.HEADER + "\nkaggle\tcough\tcough\tHP:12\tCough\texact\tyes\n"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FindingMap.parse("no header\n"));
  }

  @Test
  void translatorCarriesEveryFindingToEveryEngineThroughHpo() {
    FindingTranslator t = CombinedFixtures.translator();
    // a Kaggle symptom reaches HPO (rare engine) and, through the equivalence, the DDXPlus evidence
    FindingTranslator.Translated fits = t.translate(List.of("fits"), List.of());
    assertEquals(List.of("HP:0001250"), fits.hpoObserved());
    assertEquals(List.of("fits"), fits.kaggle());
    assertEquals(List.of("E_1"), fits.ddxplus());
    // a more specific HPO term implies the common finding mapped to its ancestor
    FindingTranslator.Translated focal = t.translate(List.of("HP:0011153"), List.of());
    assertEquals(List.of("fits"), focal.kaggle());
    assertEquals(List.of("E_1"), focal.ddxplus());
    assertEquals(1, focal.kaggleUsable());
    // a broader row maps forward only: E_2 implies its HPO term, the HPO term does not imply E_2
    assertEquals(List.of("HP:0000707"), t.translate(List.of("E_2"), List.of()).hpoObserved());
    assertTrue(t.translate(List.of("HP:0000707"), List.of()).ddxplus().isEmpty());
    // names are normalised like the Kaggle files; unknown names and ids are reported, not guessed
    FindingTranslator.Translated mixed = t.translate(List.of("Runny Nose", "no_such_symptom", "HP:9999999"), List.of());
    assertEquals(List.of("runny_nose"), mixed.kaggle());
    assertEquals(List.of("no_such_symptom", "HP:9999999"), mixed.unrecognised());
    assertEquals(1, mixed.observed());
    assertEquals(0, mixed.rareOnly());
    assertEquals(1, t.translate(List.of("HP:0000252"), List.of()).rareOnly(), "microcephaly: only the rare engine knows it");
  }

  @Test
  void excludedCommonFindingExcludesItsEquivalentHpoTermOnly() {
    FindingTranslator t = CombinedFixtures.translator();
    assertEquals(List.of("HP:0001250"), t.translate(List.of(), List.of("fits")).hpoExcluded());
    assertTrue(t.translate(List.of(), List.of("E_2")).hpoExcluded().isEmpty());
    assertTrue(t.translate(List.of(), List.of("E_2")).unrecognised().isEmpty(), "known, just not an HPO equivalent");
  }

  @Test
  void ddxplusNumericAnswersAreKnownWithinTheirScale() {
    FeatureSpace space = new FeatureSpace(List.of("E_1"), java.util.Map.of("E_9", 10.0), true);
    assertTrue(space.knows("E_9_@_3"));
    assertFalse(space.knows("E_9_@_11"));
    assertFalse(space.knows("E_9"));
    assertFalse(space.knows("age"));
    assertTrue(space.inputTokens().containsAll(Set.of("E_1", "E_9_@_0", "E_9_@_10")));
    assertTrue(SmallKb.knowledgeBase().terms().size() > 30);
  }
}
