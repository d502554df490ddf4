package org.detecta.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermSearchTest {
  private final TermSearch search = new TermSearch(List.of(
      new TermEntry("HP:0001250", "Seizure", "en", "hpo"),
      new TermEntry("HP:0001250", "Convulsiones", "es", "hpo"),
      new TermEntry("HP:0002373", "Febrile seizure", "en", "hpo"),
      new TermEntry("HP:0002373", "Convulsión febril", "es", "hpo"),
      new TermEntry("skin_rash", "skin rash", "any", "kaggle-symptoms")));

  @Test
  void prefixOfAnyWordAccentInsensitiveOneHitPerId() {
    List<TermEntry> hits = search.search("CONVULSION", "es", 10);
    assertEquals(List.of("HP:0001250", "HP:0002373"), hits.stream().map(TermEntry::id).toList());
    assertEquals("Convulsiones", hits.get(0).label());
    assertEquals("HP:0002373", search.search("febr convul", "es", 10).get(0).id());
  }

  @Test
  void requestedLanguageFirstAndLimitRespected() {
    assertEquals("Febrile seizure", search.search("febril", "en", 10).get(0).label());
    assertEquals("Convulsión febril", search.search("febril", "es", 10).get(0).label());
    List<TermEntry> en = search.search("seiz", "en", 1);
    assertEquals(1, en.size());
    assertEquals("Seizure", en.get(0).label());
    assertTrue(search.search("zzz", "en", 5).isEmpty());
    assertTrue(search.search("  ", "en", 5).isEmpty());
  }

  @Test
  void exactLookupFoldsUnderscoresAndCase() {
    assertEquals("skin_rash", search.exact("Skin_Rash").get(0).id());
    assertEquals("HP:0001250", search.exact("convulsiones").get(0).id());
  }
}
