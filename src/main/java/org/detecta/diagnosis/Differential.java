package org.detecta.diagnosis;

import java.util.List;

/**
 * A ranked differential diagnosis, best first, plus the findings the model could not use (unknown ids,
 * unrecognised names), so the caller can tell the user what was ignored.
 */
public record Differential(List<Candidate> candidates, List<String> unrecognised) {
  public Differential {
    candidates = List.copyOf(candidates);
    unrecognised = List.copyOf(unrecognised);
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
