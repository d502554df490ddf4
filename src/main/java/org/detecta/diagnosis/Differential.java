package org.detecta.diagnosis;

import java.util.List;

/**
 * A ranked differential diagnosis, best first, plus the findings the model could not use (unknown ids,
 * unrecognised names), so the caller can tell the user what was ignored, and the probability that the diagnosis is
 * a disease the model does not know ({@code unlisted}: the rare engine's calibrated "none of these"; 0 for models
 * without that outcome). Over the whole differential the candidates' probabilities and {@code unlisted} sum to 1.
 */
public record Differential(List<Candidate> candidates, List<String> unrecognised, double unlisted) {
  public Differential {
    candidates = List.copyOf(candidates);
    unrecognised = List.copyOf(unrecognised);
    if (!(unlisted >= 0 && unlisted <= 1)) {
      throw new IllegalArgumentException("unlisted probability must be in [0,1], was " + unlisted);
    }
  }

  /** A differential of a model without an unlisted-disease outcome. */
  public Differential(List<Candidate> candidates, List<String> unrecognised) {
    this(candidates, unrecognised, 0);
  }

  /** 1-based rank of the first candidate whose id is one of {@code diseaseIds}, or 0 when none is listed. */
  public int rankOfAny(java.util.Collection<String> diseaseIds) {
    for (int i = 0; i < candidates.size(); i++) {
      if (diseaseIds.contains(candidates.get(i).id())) {
        return i + 1;
      }
    }
    return 0;
  }
}
