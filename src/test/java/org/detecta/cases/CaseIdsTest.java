package org.detecta.cases;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CaseIdsTest {
  @Test
  void diseasePrefixesAreSpelledAsInTheKnowledgeBase() {
    assertEquals("OMIM:612164", CaseIds.disease(" MIM:612164 "));
    assertEquals("OMIM:612164", CaseIds.disease("omim:612164"));
    assertEquals("ORPHA:558", CaseIds.disease("Orphanet:558"));
    assertEquals("ORPHA:558", CaseIds.disease("ORPHANET:558"));
    assertEquals("DECIPHER:1", CaseIds.disease("decipher:1"));
    assertEquals("Fungal infection", CaseIds.disease("Fungal infection"), "a common disease name is left alone");
    assertEquals("OMIM_612164", CaseIds.disease("OMIM_612164"), "no colon: not a CURIE, left alone");
  }

  @Test
  void hpoIdsAreCanonical() {
    assertEquals("HP:0001250", CaseIds.term("HP_0001250"));
    assertEquals("HP:0001250", CaseIds.term("hp:0001250"));
    assertEquals("HP:12", CaseIds.term("HP:12"), "not seven digits: left for the validators to report");
    assertEquals("E_91", CaseIds.term("E_91"));
  }
}
