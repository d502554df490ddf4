package org.detecta.rank;

import java.util.List;
import java.util.Objects;

/** A patient case with its findings resolved to term indices (unknown ids listed apart), ready to score. */
public record ResolvedCase(String id, String group, int[] observed, int[] excluded, List<String> diagnoses,
                           List<String> unknown) {
  public ResolvedCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(group, "group");
    diagnoses = List.copyOf(diagnoses);
    unknown = List.copyOf(unknown);
  }
}
