package org.detecta.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * One disease in a differential, with its calibrated probability, the evidence behind it and, for engines that
 * learn from cases, the most similar training cases of that disease (best first; empty otherwise).
 */
public record Candidate(String id, String name, double probability, DiseaseKind kind, List<Evidence> evidence,
                        List<SimilarCase> similarCases) {
  /** A candidate without similar training cases. */
  public Candidate(String id, String name, double probability, DiseaseKind kind, List<Evidence> evidence) {
    this(id, name, probability, kind, evidence, List.of());
  }

  public Candidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability of " + id + " must be in [0,1], was " + probability);
    }
    evidence = List.copyOf(evidence);
    similarCases = similarCases == null ? List.of() : List.copyOf(similarCases);
  }
}
