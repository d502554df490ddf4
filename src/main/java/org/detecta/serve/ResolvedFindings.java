package org.detecta.serve;

import java.util.List;

/** Findings turned into model inputs: the ids to use and the texts nobody recognised. */
public record ResolvedFindings(List<String> observed, List<String> excluded, List<String> unrecognised) {
  public ResolvedFindings {
    observed = List.copyOf(observed);
    excluded = List.copyOf(excluded);
    unrecognised = List.copyOf(unrecognised);
  }
}
