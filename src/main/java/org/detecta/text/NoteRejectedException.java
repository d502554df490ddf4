package org.detecta.text;

import java.util.Objects;

/** A note that cannot be read, with the reason (for a 4xx or a CLI error) and a message naming the problem. */
public final class NoteRejectedException extends IllegalArgumentException {
  /** Why a note was rejected. */
  public enum Reason { EMPTY, TOO_LONG, BINARY, UNKNOWN_LANGUAGE }

  private final Reason reason;

  public NoteRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
