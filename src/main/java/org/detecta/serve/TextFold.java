package org.detecta.serve;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent- and case-insensitive folding for matching what people type against labels ("Convulsión" = "convulsion"). */
public final class TextFold {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private TextFold() {
  }

  /** Lower case, accents removed, every run of other characters (incl. '_') one space, trimmed. */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    return NON_ALNUM.matcher(plain).replaceAll(" ").trim();
  }

  public static String[] tokens(String text) {
    String folded = fold(text);
    return folded.isEmpty() ? new String[0] : folded.split(" ");
  }
}
