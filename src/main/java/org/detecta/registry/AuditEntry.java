package org.detecta.registry;

import java.time.Instant;
import java.util.Objects;

/** One line of the registry's audit log: who did what to which target, when, and the detail (e.g. from→to, why). */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    detail = detail == null ? "" : detail;
  }
}
