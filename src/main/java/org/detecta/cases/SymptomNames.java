package org.detecta.cases;

import java.util.Locale;

/**
 * Normalises Kaggle symptom names so the wide and long files agree: lower case, spaces around and inside
 * names become single underscores ({@code spotting_ urination}, {@code foul_smell_of urine} and
 * {@code dischromic _patches} differ only by a stray space between the files).
 */
public final class SymptomNames {
  private SymptomNames() {
  }

  public static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT)
        .replaceAll("\\s*_\\s*", "_")
        .replaceAll("\\s+", "_")
        .replaceAll("_+", "_");
  }
}
