package org.detecta.cases;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spellings of the same ids found in case files from other sources, brought to the knowledge base's CURIEs:
 * {@code MIM:}, {@code omim:} → {@code OMIM:}; {@code Orphanet:}, {@code ORPHANET:} → {@code ORPHA:};
 * {@code hp:0001250} and OBO's {@code HP_0001250} → {@code HP:0001250}. Anything else is returned trimmed, as is.
 */
public final class CaseIds {
  private static final Map<String, String> DISEASE_PREFIXES = Map.of("OMIM", "OMIM", "MIM", "OMIM",
      "ORPHA", "ORPHA", "ORPHANET", "ORPHA", "DECIPHER", "DECIPHER", "MONDO", "MONDO");
  private static final Pattern PREFIXED = Pattern.compile("([A-Za-z]+)[:_](\\S+)");

  private CaseIds() {
  }

  /** A disease id with its prefix spelled as in the knowledge base ({@code OMIM:}, {@code ORPHA:}, {@code DECIPHER:}). */
  public static String disease(String id) {
    String trimmed = id.trim();
    Matcher m = PREFIXED.matcher(trimmed);
    if (!m.matches() || trimmed.indexOf(':') < 0) {
      return trimmed;
    }
    String prefix = DISEASE_PREFIXES.get(m.group(1).toUpperCase(Locale.ROOT));
    return prefix == null ? trimmed : prefix + ":" + m.group(2);
  }

  /** An HPO term id as {@code HP:nnnnnnn}; other ids are returned trimmed. */
  public static String term(String id) {
    String trimmed = id.trim();
    Matcher m = PREFIXED.matcher(trimmed);
    if (m.matches() && m.group(1).equalsIgnoreCase("HP") && m.group(2).matches("\\d{7}")) {
      return "HP:" + m.group(2);
    }
    return trimmed;
  }
}
