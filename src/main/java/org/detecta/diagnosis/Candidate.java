package org.detecta.diagnosis;

import java.util.List;
import java.util.Objects;

/** One disease in a differential, with its calibrated probability and the evidence behind it. */
public record Candidate(String id, String name, double probability, DiseaseKind kind, List<Evidence> evidence) {
  public Candidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability of " + id + " must be in [0,1], was " + probability);
    }
    evidence = List.copyOf(evidence);
  }
}
