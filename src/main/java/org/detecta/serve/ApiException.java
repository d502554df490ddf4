package org.detecta.serve;

import java.util.List;
import java.util.Objects;

/**
 * A request that cannot be answered, with the HTTP status, a short error code, a human detail and the
 * offending fields (each naming the bad value). Rendered as {@code {"error","detail","fields"}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final List<FieldProblem> fields;

  public ApiException(int status, String error, String detail, List<FieldProblem> fields) {
    super(detail);
    this.status = status;
    this.error = Objects.requireNonNull(error, "error");
    this.fields = List.copyOf(fields);
  }

  public ApiException(int status, String error, String detail) {
    this(status, error, detail, List.of());
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public List<FieldProblem> fields() {
    return fields;
  }

  /** One bad field: where it is (e.g. {@code observed[2]}), the value as sent, and what is wrong. */
  public record FieldProblem(String field, String value, String problem) {
    public FieldProblem {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(problem, "problem");
    }
  }
}
