package org.detecta.cases;

import java.util.Objects;

/**
 * One problem found in input data, reported with where it is ({@code file:line} or a JSON field) and,
 * when known, how to fix it. Readers and validators collect these instead of failing on the first one.
 */
public record Issue(Severity severity, String location, String message, String fix) {
  public enum Severity { ERROR, WARNING }

  public Issue {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    fix = fix == null ? "" : fix;
  }

  public static Issue error(String location, String message) {
    return new Issue(Severity.ERROR, location, message, "");
  }

  public static Issue warning(String location, String message) {
    return new Issue(Severity.WARNING, location, message, "");
  }

  @Override
  public String toString() {
    return severity + " " + location + ": " + message + (fix.isEmpty() ? "" : " (" + fix + ")");
  }
}
