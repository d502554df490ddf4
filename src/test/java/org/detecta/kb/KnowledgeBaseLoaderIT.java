package org.detecta.kb;

import org.detecta.SharedData;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeBaseLoaderIT {
  private final KnowledgeBase kb = SharedData.knowledgeBase();

  @Test
  void loadsTheDiseasesOfAllThreeDatabasesWithNames() {
    var byDatabase = kb.diseases().stream().collect(Collectors.groupingBy(DiseaseProfile::database, Collectors.counting()));
    assertTrue(byDatabase.get("OMIM") > 8000, byDatabase.toString());
    assertTrue(byDatabase.get("ORPHA") > 4000, byDatabase.toString());
    assertTrue(byDatabase.get("DECIPHER") > 40, byDatabase.toString());
    assertEquals("Epileptic encephalopathy, early infantile, 14", kb.disease("OMIM:614959").orElseThrow().name());
  }

  @Test
  void recordsTheReleaseAndFileHashes() {
    assertEquals("2023-01-27", kb.release().annotationsDate());
    assertTrue(kb.release().ontologyVersion().contains("2023-01-27"), kb.release().ontologyVersion());
    assertEquals(64, kb.release().ontologySha256().length());
  }

  @Test
  void keepsNotAnnotationsAsExcludedFeatures() {
    long excluded = kb.diseases().stream().flatMap(d -> d.annotations().stream()).filter(PhenotypeAnnotation::excluded).count();
    assertTrue(excluded > 1000 && excluded <= 1430, "NOT annotations: " + excluded);
  }

  @Test
  void parsesFrequenciesOfAllThreeKinds() {
    long known = kb.diseases().stream().flatMap(d -> d.annotations().stream()).filter(PhenotypeAnnotation::frequencyKnown).count();
    assertTrue(known > 100_000, "annotations with a frequency: " + known);
  }

  @Test
  void informationContentGrowsWithSpecificity() {
    TermIndex terms = kb.terms();
    int root = terms.indexOf(org.monarchinitiative.phenol.ontology.data.TermId.of("HP:0000118")).orElseThrow();
    int seizure = terms.indexOf(org.monarchinitiative.phenol.ontology.data.TermId.of("HP:0001250")).orElseThrow();
    int focalMotor = terms.indexOf(org.monarchinitiative.phenol.ontology.data.TermId.of("HP:0011153")).orElseThrow();
    assertTrue(kb.informationContent(root) < kb.informationContent(seizure));
    assertTrue(kb.informationContent(seizure) < kb.informationContent(focalMotor));
    assertTrue(terms.isAncestorOrSelf(seizure, focalMotor));
  }

  @Test
  void resolvesAlternativeIdsAndReportsUnknownOnes() {
    TermIndex terms = kb.terms();
    assertEquals(TermResolution.Status.UNKNOWN, terms.resolve("HP:9999999").status());
    assertEquals(TermResolution.Status.MALFORMED, terms.resolve("fever").status());
    assertEquals("HP:9999999 is not an HPO term (HPO " + terms.release() + "); check the id or use the term's label",
        terms.resolve("HP:9999999").describe(terms.release()));
  }

  @Test
  void reportsObsoleteTermsThatPhenolLeavesOutAndMapsTheOnesWithAReplacement() {
    TermIndex terms = kb.terms();
    TermResolution replaced = terms.resolve("HP:0003114");   // obsolete Abnormal cardiological findings
    assertEquals(TermResolution.Status.OBSOLETE, replaced.status());
    assertEquals("HP:0001626", replaced.term().orElseThrow().getValue());
    TermResolution gone = terms.resolve("HP:0045013");       // obsolete, no replacement
    assertEquals(TermResolution.Status.OBSOLETE, gone.status());
    assertTrue(gone.term().isEmpty());
    // An obsolete id that is also an alt id of a current term is read as that term.
    assertEquals(TermResolution.Status.ALTERNATIVE, terms.resolve("HP:0025356").status());
    assertEquals("HP:0001263", terms.resolve("HP:0025356").term().orElseThrow().getValue());
  }
}
