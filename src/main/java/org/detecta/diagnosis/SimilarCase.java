package org.detecta.diagnosis;

import java.util.Objects;

/**
 * A training case behind a candidate's nearest-case score: its id, its publication (e.g. {@code PMID:…}) and its
 * similarity to the query (0–1, the cosine the nearest-case component uses).
 */
public record SimilarCase(String caseId, String publication, double similarity) {
  public SimilarCase {
    Objects.requireNonNull(caseId, "caseId");
    publication = publication == null ? "" : publication;
  }
}
