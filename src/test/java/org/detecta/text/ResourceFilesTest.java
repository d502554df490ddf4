package org.detecta.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceFilesTest {
  private static ByteArrayInputStream utf8(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bundledRulesAndWordingLoad() {
    assertFalse(ClinicalWording.bundled().entries(Language.ES).isEmpty());
    assertFalse(ClinicalWording.bundled().entries(Language.EN).isEmpty());
    assertFalse(WordClusters.of(Language.EN).isEmpty());
    ContextRules.bundled();
  }

  @Test
  void capitalisedWordingIsAnAbbreviation() throws Exception {
    ClinicalWording wording = ClinicalWording.read(utf8("es\tDI\tHP:0001249\nes\tfiebre\tHP:0001945\n"), "w.tsv");
    assertTrue(wording.entries(Language.ES).get(0).abbreviation());
    assertFalse(wording.entries(Language.ES).get(1).abbreviation());
  }

  @Test
  void badWordingLineNamesFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClinicalWording.read(utf8("# comment\nes\tfiebre\tHP:194\n"), "w.tsv"));
    assertEquals("w.tsv:2: expected lang<TAB>phrase<TAB>HP:nnnnnnn, got 'es\tfiebre\tHP:194'", e.getMessage());
  }

  @Test
  void badTriggerTypeIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ContextRules.read(utf8("en\tno\tbefore\tabsent\n"), "r.tsv"));
    assertEquals("r.tsv:1: unknown trigger type 'before': use pre, post, pseudo, termination or answer", e.getMessage());
  }

  @Test
  void missingSpanishLabelsGiveAnEmptySet(@TempDir Path dir) {
    assertEquals(0, SpanishLabels.fromDataDir(dir).size());
  }

  @Test
  void spanishSynonymsAreSplitOnBars() throws Exception {
    SpanishLabels labels = SpanishLabels.read(utf8("hpo_id\tlabel_es\tsynonyms_es\nHP:0001945\tFiebre\tpirexia | hipertermia\n"), "x");
    assertEquals("Fiebre", labels.label("HP:0001945").orElseThrow());
    assertEquals(java.util.List.of("pirexia", "hipertermia"), labels.synonyms("HP:0001945"));
  }
}
