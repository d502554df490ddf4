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

  @Test
  void addingEntriesToABuiltSearchEqualsBuildingFromAllOfThem() {
    List<TermEntry> fixed = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    String[] words = {"seizure", "febrile", "convulsión", "rash", "skin", "fever", "Fiebre", "tos", "cough", "pain"};
    for (int i = 0; i < 400; i++) {
      fixed.add(new TermEntry("HP:" + (1000000 + i), words[random.nextInt(words.length)] + " "
          + words[random.nextInt(words.length)] + (i % 7 == 0 ? "_" + i : ""), i % 2 == 0 ? "en" : "es", "hpo"));
    }
    List<TermEntry> more = List.of(new TermEntry("skin_rash", "skin rash", "any", "kaggle-symptoms"),
        new TermEntry("fever", "fever", "any", "kaggle-symptoms"), new TermEntry("E_91", "Fiebre", "any", "ddxplus"));
    List<TermEntry> all = new java.util.ArrayList<>(fixed);
    all.addAll(more);
    TermSearch whole = new TermSearch(all);
    TermSearch added = new TermSearch(fixed).plus(more);
    assertEquals(whole.size(), added.size());
    for (String query : List.of("s", "se", "seiz feb", "fever", "fiebre", "skin r", "rash skin", "co", "tos", "p", "7")) {
      for (String lang : List.of("en", "es")) {
        assertEquals(whole.search(query, lang, 500), added.search(query, lang, 500), query + " " + lang);
      }
      assertEquals(whole.exact(query), added.exact(query), query);
    }
    assertEquals(whole.exact("skin rash"), added.exact("Skin_Rash"));
  }

  @Test
  void tableFoldingMatchesTheUnicodeFolding() {
    java.util.Random random = new java.util.Random(11);
    String alphabet = "aZ9 _-.,/()'\t\u0001xyQÁáéÍñÑüÜçßæØ×ªºµÿŁłŒœǅǈƒ\u0301\u0308İıΣσς";
    for (int n = 0; n < 2000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String plain = text.toString();
      String reference = java.text.Normalizer.normalize(plain, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
          .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
      assertEquals(reference, TextFold.fold(plain), "'" + plain + "'");
    }
    for (char c = 0; c < 0x250; c++) {
      String text = "Ab" + c + "9" + c + c + " z";
      String reference = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
          .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
      assertEquals(reference, TextFold.fold(text), "U+" + Integer.toHexString(c));
    }
    assertEquals("convulsion febril", TextFold.fold("  Convulsión_febril! "));
  }
}
