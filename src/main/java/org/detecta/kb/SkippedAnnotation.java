package org.detecta.kb;

import java.util.Objects;

/**
 * An annotation row the loader could not use because its HPO term is obsolete or unknown in the ontology
 * release; kept so {@code data validate} can report it instead of it vanishing silently.
 */
public record SkippedAnnotation(String diseaseId, String termId, TermResolution.Status status) {
  public SkippedAnnotation {
    Objects.requireNonNull(diseaseId, "diseaseId");
    Objects.requireNonNull(termId, "termId");
    Objects.requireNonNull(status, "status");
  }
}
