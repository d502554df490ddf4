package org.detecta.kb;

import org.monarchinitiative.phenol.annotations.formats.hpo.HpoFrequency;
import org.monarchinitiative.phenol.ontology.data.TermId;

import java.util.OptionalDouble;

/**
 * Turns the HPOA frequency column into a probability: an HPO frequency term (HP:0040280..HP:0040285),
 * a ratio {@code n/m}, or a percentage {@code 12%}. Empty when the column is empty or malformed.
 */
public final class AnnotationFrequency {
  private AnnotationFrequency() {
  }

  public static OptionalDouble parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return OptionalDouble.empty();
    }
    String value = raw.trim();
    try {
      if (value.startsWith("HP:")) {
        return OptionalDouble.of(HpoFrequency.fromTermId(TermId.of(value)).mean());
      }
      if (value.endsWith("%")) {
        return clamp(Double.parseDouble(value.substring(0, value.length() - 1).trim()) / 100.0);
      }
      int slash = value.indexOf('/');
      if (slash > 0) {
        double n = Double.parseDouble(value.substring(0, slash).trim());
        double m = Double.parseDouble(value.substring(slash + 1).trim());
        return m <= 0 ? OptionalDouble.empty() : clamp(n / m);
      }
    } catch (IllegalArgumentException malformed) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.empty();
  }

  private static OptionalDouble clamp(double p) {
    if (Double.isNaN(p) || p < 0 || p > 1) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(p);
  }
}
