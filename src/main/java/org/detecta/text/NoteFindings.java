package org.detecta.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a note gives the engines: {@code observed} = ids of present findings, {@code excluded} = ids of absent
 * findings that are not also present elsewhere in the note; uncertain and family findings are not used but
 * stay in {@link #extraction()} so a client can show them. Ids are in order of first mention, without repeats.
 */
public record NoteFindings(Extraction extraction, List<String> observed, List<String> excluded) {
  public NoteFindings {
    Objects.requireNonNull(extraction, "extraction");
    observed = List.copyOf(observed);
    excluded = List.copyOf(excluded);
  }

  /** Turns an extraction into engine input: present → observed, absent → excluded, uncertain and family → unused. */
  public static NoteFindings of(Extraction extraction) {
    List<String> observed = extraction.hpoIds(FindingStatus.PRESENT);
    Set<String> excluded = new LinkedHashSet<>(extraction.hpoIds(FindingStatus.ABSENT));
    observed.forEach(excluded::remove); // "no fever on admission; fever since day 2": present wins
    return new NoteFindings(extraction, observed, new ArrayList<>(excluded));
  }

  /** How a finding is used: {@code observed}, {@code excluded}, or {@code none} (uncertain, family, or contradicted). */
  public String use(Finding finding) {
    return switch (finding.status()) {
      case PRESENT -> "observed";
      case ABSENT -> excluded.contains(finding.hpoId()) ? "excluded" : "none";
      case UNCERTAIN, FAMILY -> "none";
    };
  }

  /** The given ids followed by this note's observed ids not among them. */
  public List<String> observedAfter(List<String> given) {
    return union(given, observed);
  }

  /** The given ids followed by this note's excluded ids not among them. */
  public List<String> excludedAfter(List<String> given) {
    return union(given, excluded);
  }

  private static List<String> union(List<String> first, List<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
