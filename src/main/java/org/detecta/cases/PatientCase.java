package org.detecta.cases;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One patient as every engine sees it. Findings are identifiers as the source wrote them: HPO ids for
 * rare-disease cases, evidence or symptom codes for common-disease sources. {@code publication} is the
 * PMID (or another grouping key) that evaluation splits must keep together; {@code source} names the
 * file and line it came from.
 */
public record PatientCase(String id, String source, Optional<String> publication, Sex sex,
                          Optional<Double> ageYears, List<String> observed, List<String> excluded,
                          List<String> diagnoses) {
  public PatientCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(publication, "publication");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(ageYears, "ageYears");
    observed = List.copyOf(observed);
    excluded = List.copyOf(excluded);
    diagnoses = List.copyOf(diagnoses);
  }

  /** The key that keeps a publication's cases on one side of a split; the case itself when unknown. */
  public String groupKey() {
    return publication.orElse("case:" + id);
  }
}
