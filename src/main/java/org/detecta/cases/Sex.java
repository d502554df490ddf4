package org.detecta.cases;

import java.util.Locale;

/** A patient's sex as the sources record it. */
public enum Sex {
  FEMALE, MALE, OTHER, UNKNOWN;

  /** Reads phenopacket, DDXPlus (F/M) and API spellings; anything else is UNKNOWN. */
  public static Sex parse(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "FEMALE", "F", "WOMAN", "MUJER" -> FEMALE;
      case "MALE", "M", "MAN", "HOMBRE" -> MALE;
      case "OTHER", "OTHER_SEX" -> OTHER;
      default -> UNKNOWN;
    };
  }
}
