package org.detecta.kb;

import org.detecta.SmallKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.monarchinitiative.phenol.ontology.data.TermId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeBaseLoaderTest {
  private final KnowledgeBase kb = SmallKb.knowledgeBase();
  private final TermIndex terms = kb.terms();

  private int index(String id) {
    return terms.indexOf(TermId.of(id)).orElseThrow(() -> new AssertionError(id + " not indexed"));
  }

  private PhenotypeAnnotation annotation(String disease, String term) {
    return kb.disease(disease).orElseThrow().annotations().stream()
        .filter(a -> a.term().getValue().equals(term)).findFirst()
        .orElseThrow(() -> new AssertionError(disease + " has no feature " + term));
  }

  @Test
  void indexesEveryCurrentTermAndNoObsoleteOne() {
    assertEquals(36, terms.size());
    assertEquals("Focal motor seizure", terms.label(index("HP:0011153")));
    assertTrue(terms.indexOf(TermId.of("HP:0500014")).isEmpty());
    assertEquals(terms.indexOf(TermId.of("HP:0001626")), terms.indexOf(TermId.of("HP:0003114")));
  }

  @Test
  void recordsReleaseVersionsAndHashes() throws Exception {
    assertTrue(kb.release().ontologyVersion().contains("2023-01-27"), kb.release().ontologyVersion());
    assertEquals("2023-01-27", kb.release().annotationsDate());
    byte[] bytes = Files.readAllBytes(SmallKb.ontology());
    String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(expected, kb.release().ontologySha256());
  }

  @Test
  void loadsDiseasesOfAllThreeDatabasesWithNames() {
    assertEquals(List.of("DECIPHER:18", "OMIM:300672", "OMIM:614959", "ORPHA:1934", "ORPHA:2512"),
        kb.diseases().stream().map(DiseaseProfile::id).sorted().toList());
    assertEquals("1p36 microdeletion syndrome", kb.disease("DECIPHER:18").orElseThrow().name());
    assertEquals("ORPHA", kb.disease("ORPHA:2512").orElseThrow().database());
  }

  @Test
  void keepsOnlyPhenotypicAbnormalityRows() {
    // The inheritance row (aspect I, HP:0000007) is not a clinical feature.
    assertEquals(List.of("HP:0011153", "HP:0001263", "HP:0001290", "HP:0000252"),
        kb.disease("OMIM:614959").orElseThrow().annotations().stream().map(a -> a.term().getValue()).toList());
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "OMIM:614959, HP:0011153, 0.895",   // HPO frequency term Very frequent (80-99%)
      "OMIM:614959, HP:0001263, 0.7",     // 7/10
      "OMIM:614959, HP:0001290, 0.8",     // 80%
      "ORPHA:2512,  HP:0000252, 1.0",     // Obligate
      "ORPHA:2512,  HP:0001250, 0.165",   // Occasional (5-29%)
      "OMIM:300672, HP:0007359, 0.625",   // 1/2 and 3/4 from two papers, averaged
      "OMIM:300672, HP:0000252, 0.25",    // NOT from one paper, 1/4 from another: the observation wins
  })
  void parsesFrequenciesOfAllThreeKinds(String disease, String term, double frequency) {
    PhenotypeAnnotation annotation = annotation(disease, term);
    assertTrue(annotation.frequencyKnown());
    assertFalse(annotation.excluded());
    assertEquals(frequency, annotation.frequency(), 0.01);
  }

  @Test
  void featureWithoutFrequencyGetsTheDefaultFlaggedUnknown() {
    PhenotypeAnnotation annotation = annotation("OMIM:614959", "HP:0000252");
    assertFalse(annotation.frequencyKnown());
    assertEquals(KnowledgeBaseLoader.DEFAULT_FREQUENCY, annotation.frequency());
  }

  @Test
  void notRowAndExcludedFrequencyBecomeExcludedFeatures() {
    assertTrue(annotation("ORPHA:2512", "HP:0001290").excluded());
    PhenotypeAnnotation zero = annotation("ORPHA:1934", "HP:0000252");
    assertTrue(zero.excluded());
    assertEquals(0.0, zero.frequency());
  }

  @Test
  void mapsAlternativeIdsInAnnotationsToTheCurrentTerm() {
    assertEquals("HP:0001250", annotation("DECIPHER:18", "HP:0001250").term().getValue());
    TermResolution alt = terms.resolve("HP:0001275");
    assertEquals(TermResolution.Status.ALTERNATIVE, alt.status());
    assertEquals("HP:0001250", alt.term().orElseThrow().getValue());
    // An obsolete term that is also listed as an alternative id resolves to the current term.
    assertEquals("HP:0007359", terms.resolve("HP:0040168").term().orElseThrow().getValue());
  }

  @Test
  void reportsObsoleteTermsAndSkipsTheirAnnotations() {
    // HP:0500014 is deprecated with only a "consider" hint: phenol drops the node, we still know it is obsolete.
    TermResolution obsolete = terms.resolve("HP:0500014");
    assertEquals(TermResolution.Status.OBSOLETE, obsolete.status());
    assertFalse(obsolete.usable());
    assertEquals("HP:0500014 is obsolete in HPO " + terms.release() + "; use its replacement term",
        obsolete.describe(terms.release()));
    assertEquals(List.of(new SkippedAnnotation("ORPHA:1934", "HP:0500014", TermResolution.Status.OBSOLETE)),
        kb.skippedAnnotations());
    assertEquals(4, kb.disease("ORPHA:1934").orElseThrow().annotations().size());
  }

  @Test
  void mapsObsoleteTermWithOneReplacementToIt() {
    TermResolution replaced = terms.resolve("HP:0003114");
    assertEquals(TermResolution.Status.OBSOLETE, replaced.status());
    assertEquals("HP:0001626", replaced.term().orElseThrow().getValue());
    assertEquals("HP:0003114 is obsolete in HPO " + terms.release() + "; replaced by HP:0001626",
        replaced.describe(terms.release()));
    assertFalse(annotation("DECIPHER:18", "HP:0001626").excluded());
  }

  @Test
  void ancestorsIncludeSelfAndEveryPathToTheRoot() {
    int focalMotor = index("HP:0011153");
    int[] expected = List.of("HP:0011153", "HP:0007359", "HP:0020219", "HP:0001250", "HP:0012638", "HP:0000707",
        "HP:0000118", "HP:0000001").stream().mapToInt(this::index).sorted().toArray();
    assertEquals(Arrays.toString(expected), Arrays.toString(terms.ancestors(focalMotor)));
    assertTrue(terms.isAncestorOrSelf(index("HP:0001250"), focalMotor));
    assertFalse(terms.isAncestorOrSelf(focalMotor, index("HP:0001250")));
    assertEquals(2, terms.parents(focalMotor).length);
    assertTrue(Arrays.stream(terms.children(index("HP:0001250"))).anyMatch(c -> c == index("HP:0007359")));
  }

  @Test
  void informationContentGrowsWithSpecificity() {
    double root = kb.informationContent(index("HP:0000118"));
    double seizure = kb.informationContent(index("HP:0001250"));
    double focal = kb.informationContent(index("HP:0007359"));
    double focalMotor = kb.informationContent(index("HP:0011153"));
    assertEquals(0.0, root, 1e-9);                      // all 5 diseases reach the root ...
    assertEquals(0.0, seizure, 1e-9);                   // ... and some seizure term (one via an alt id)
    assertEquals(-Math.log(2 / 5.0), focal, 1e-9);      // OMIM:614959 (focal motor), OMIM:300672
    assertEquals(-Math.log(1 / 5.0), focalMotor, 1e-9);
    assertTrue(root <= seizure && seizure < focal && focal < focalMotor);
    // ORPHA:1934 has Microcephaly excluded (frequency "Excluded"): it must not count; 3 others have it.
    assertEquals(-Math.log(3 / 5.0), kb.informationContent(index("HP:0000252")), 1e-9);
  }

  @Test
  void missingFileIsNamedWithTheFix(@org.junit.jupiter.api.io.TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KnowledgeBaseLoader.loadFromDataDir(dir));
    assertTrue(e.getMessage().contains("hp.json") && e.getMessage().contains("detecta data fetch"), e.getMessage());
  }
}
