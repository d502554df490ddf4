package org.detecta.text;

import java.util.Objects;

/**
 * One HPO term recognised in a note: {@code [start, end)} are character offsets into the original text,
 * {@code text} the matched text exactly as written, {@code label} the term's label in the note's language.
 */
public record Finding(int start, int end, String text, String hpoId, String label, FindingStatus status) {
  public Finding {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("Bad finding span [" + start + ", " + end + ")");
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(hpoId, "hpoId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(status, "status");
  }

  Finding withStatus(FindingStatus newStatus) {
    return new Finding(start, end, text, hpoId, label, newStatus);
  }
}
