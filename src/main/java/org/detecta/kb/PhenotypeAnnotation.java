package org.detecta.kb;

import org.monarchinitiative.phenol.ontology.data.TermId;

import java.util.Objects;

/**
 * One disease feature: a current HPO term, how often patients with the disease show it (0..1], and
 * whether the knowledge base says the disease does NOT show it ({@code excluded}, from a NOT row).
 * {@code frequencyKnown} is false when the source gave no frequency and {@code frequency} is a default.
 */
public record PhenotypeAnnotation(TermId term, double frequency, boolean frequencyKnown, boolean excluded) {
  public PhenotypeAnnotation {
    Objects.requireNonNull(term, "term");
    if (!(frequency >= 0.0 && frequency <= 1.0)) {
      throw new IllegalArgumentException("frequency of " + term.getValue() + " must be in [0,1], was " + frequency);
    }
  }
}
