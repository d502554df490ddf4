package org.detecta.serve;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent- and case-insensitive folding for matching what people type against labels ("Convulsión" = "convulsion"). */
public final class TextFold {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  /** Characters below this (ASCII and the Latin letters with accents) are folded through {@link #PLAIN}. */
  private static final int TABLE = 0x250;
  /** Each such character decomposed, without its marks, lower-cased: exactly what {@link #slow} does to it. */
  private static final String[] PLAIN = plainTable();

  private TextFold() {
  }

  /** Lower case, accents removed, every run of other characters (incl. '_') one space, trimmed. */
  public static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= TABLE) {
        return slow(text); // other scripts, combining marks, surrogates: the general rule
      }
      String plain = PLAIN[c];
      for (int k = 0; k < plain.length(); k++) {
        char p = plain.charAt(k);
        if ((p >= 'a' && p <= 'z') || (p >= '0' && p <= '9')) {
          if (gap && out.length() > 0) {
            out.append(' ');
          }
          gap = false;
          out.append(p);
        } else {
          gap = true;
        }
      }
    }
    return out.toString();
  }

  /**
   * The general rule: NFD, combining marks removed, lower case, runs of anything but a-z and 0-9 one space. The table
   * gives the same per character because decomposition, mark removal and lower-casing (after the marks are gone)
   * act on each character of these alphabets alone.
   */
  private static String slow(String text) {
    return NON_ALNUM.matcher(plain(text)).replaceAll(" ").trim();
  }

  private static String plain(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static String[] plainTable() {
    String[] table = new String[TABLE];
    for (char c = 0; c < TABLE; c++) {
      table[c] = plain(String.valueOf(c));
    }
    return table;
  }

  public static String[] tokens(String text) {
    String folded = fold(text);
    return folded.isEmpty() ? new String[0] : folded.split(" ");
  }
}
