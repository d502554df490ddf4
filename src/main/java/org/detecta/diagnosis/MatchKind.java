package org.detecta.diagnosis;

/** How one finding of the patient relates to one feature of a candidate disease. */
public enum MatchKind {
  /** The finding is the disease feature itself. */
  EXACT,
  /** The finding is more specific than (a descendant of) the disease feature. */
  QUERY_MORE_SPECIFIC,
  /** The finding is more general than (an ancestor of) the disease feature. */
  QUERY_LESS_SPECIFIC,
  /** Finding and feature share an informative common ancestor only. */
  RELATED,
  /** The disease has no feature near the finding: it counts against the disease. */
  NO_MATCH,
  /** The finding was checked and is absent, but the disease usually shows it. */
  EXCLUDED_BUT_EXPECTED,
  /**
   * The finding is present but the disease is annotated NOT to show it (or a more general finding): it counts
   * against the disease. The feature is the NOT-annotated term.
   */
  OBSERVED_BUT_EXCLUDED,
  /** The finding is absent and the disease does not show it either (or is annotated NOT). */
  EXCLUDED_CONSISTENT,
  /** A learned model's weight for the finding (common-disease models). */
  LEARNED
}
