package org.detecta.text;

import java.util.List;
import java.util.Set;

/**
 * Tells Spanish from English by counting each language's function words (and Spanish-only letters such as
 * ñ, á, é); explainable and fast. Returns null when the counts tie, so the caller can try another clue or ask.
 */
final class LanguageDetector {
  private static final Set<String> SPANISH = Set.of("de", "la", "el", "que", "y", "en", "los", "las", "del", "con",
      "por", "una", "un", "se", "sin", "para", "es", "al", "su", "presenta", "paciente", "años", "meses", "niega",
      "madre", "padre", "tiene", "como", "pero", "ni", "desde", "hay", "muy", "son", "fue", "esta", "está");
  private static final Set<String> ENGLISH = Set.of("the", "of", "and", "with", "in", "is", "was", "to", "for",
      "has", "had", "have", "not", "patient", "years", "months", "old", "denies", "mother", "father", "are",
      "were", "this", "that", "by", "at", "from", "but", "his", "her", "he", "she", "an", "on", "or");

  /** Counts of Spanish and English clues in the text. */
  record Counts(int spanish, int english) {
    Language winner() {
      return spanish > english ? Language.ES : english > spanish ? Language.EN : null;
    }
  }

  Counts count(String text, List<Token> tokens) {
    int spanish = 0;
    int english = 0;
    for (Token token : tokens) {
      String word = text.substring(token.start(), token.end()).toLowerCase(java.util.Locale.ROOT);
      if (SPANISH.contains(word)) {
        spanish++;
      }
      if (ENGLISH.contains(word)) {
        english++;
      }
      if (word.indexOf('ñ') >= 0 || word.indexOf('á') >= 0 || word.indexOf('é') >= 0 || word.indexOf('í') >= 0
          || word.indexOf('ó') >= 0 || word.indexOf('ú') >= 0) {
        spanish++;
      }
    }
    return new Counts(spanish, english);
  }
}
