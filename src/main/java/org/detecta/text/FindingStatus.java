package org.detecta.text;

import java.util.Locale;

/**
 * What a note says about a finding. ABSENT findings become excluded terms for the engines; FAMILY ones
 * belong to a relative, not to the patient; UNCERTAIN ones are only suspected.
 */
public enum FindingStatus {
  PRESENT, ABSENT, UNCERTAIN, FAMILY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FindingStatus parse(String code) {
    try {
      return valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("Unknown finding status '" + code + "': use present, absent, uncertain or family");
    }
  }
}
