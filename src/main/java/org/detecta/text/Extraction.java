package org.detecta.text;

import java.util.List;
import java.util.Objects;

/** The result of reading one note: the language used (detected or given) and the findings in text order. */
public record Extraction(Language language, List<Finding> findings) {
  public Extraction {
    Objects.requireNonNull(language, "language");
    if (language == Language.AUTO) {
      throw new IllegalArgumentException("An extraction carries the language actually used, not AUTO");
    }
    findings = List.copyOf(findings);
  }

  /** The distinct HPO ids with the given status, in order of first mention (PRESENT → observed, ABSENT → excluded). */
  public List<String> hpoIds(FindingStatus status) {
    return findings.stream().filter(f -> f.status() == status).map(Finding::hpoId).distinct().toList();
  }
}
