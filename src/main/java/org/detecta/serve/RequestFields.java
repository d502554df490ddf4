package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one JSON request body the same way for every route: it collects every problem before
 * failing, wrong types first ({@link #failOnTypes}: 400 with each field), then invalid values
 * ({@link #failOnValues}: 422), with the consent check (403, nothing stored) between the two.
 */
final class RequestFields {
  /** Longest text accepted in a short field (a finding, a model name, an id). */
  static final int MAX_TEXT = 200;

  private final JsonNode body;
  private final List<ApiException.FieldProblem> types = new ArrayList<>();
  private final List<ApiException.FieldProblem> values = new ArrayList<>();

  private RequestFields(JsonNode body) {
    this.body = body;
  }

  /** The body must be a JSON object (else 400). */
  static RequestFields of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiException(400, "invalid_json", "The body must be a JSON object");
    }
    return new RequestFields(body);
  }

  JsonNode body() {
    return body;
  }

  /** Every field not in {@code known} is an invalid value (so typos are not silently ignored). */
  RequestFields onlyKnown(Set<String> known) {
    body.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        values.add(new ApiException.FieldProblem(f, "", "unknown field; known: " + String.join(", ", new TreeSet<>(known))));
      }
    });
    return this;
  }

  /** A list of non-blank strings (missing or null = empty). */
  List<String> strings(String field) {
    return strings(body, field, types);
  }

  /** A short string (missing or null = empty). */
  Optional<String> text(String field) {
    return text(body, field, types);
  }

  /** A number within [min, max] (missing or null = empty). */
  Optional<Double> number(String field, double min, double max, String what) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isNumber()) {
      types.add(new ApiException.FieldProblem(field, abbreviate(node.toString()), "must be a number of " + what));
    } else if (node.asDouble() < min || node.asDouble() > max) {
      values.add(new ApiException.FieldProblem(field, node.toString(), "must be between " + (long) min + " and " + (long) max));
    } else {
      return Optional.of(node.asDouble());
    }
    return Optional.empty();
  }

  /** A whole number within [min, max], else {@code fallback} (missing or null, or after recording the problem). */
  int integer(String field, int fallback, int min, int max) {
    return integer(body.get(field), field, fallback, min, max);
  }

  int integer(JsonNode node, String field, int fallback, int min, int max) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      types.add(new ApiException.FieldProblem(field, abbreviate(node.toString()), "must be a whole number"));
    } else if (node.asInt() < min || node.asInt() > max) {
      values.add(new ApiException.FieldProblem(field, node.toString(), "must be between " + min + " and " + max));
    } else {
      return node.asInt();
    }
    return fallback;
  }

  /** A boolean (missing or null = false). */
  boolean flag(String field) {
    return flag(body.get(field), field);
  }

  boolean flag(JsonNode node, String field) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (!node.isBoolean()) {
      types.add(new ApiException.FieldProblem(field, abbreviate(node.toString()), "must be true or false"));
      return false;
    }
    return node.asBoolean();
  }

  /** At most {@code max} findings, observed and excluded together. */
  void limitFindings(String field, List<String> observed, List<String> excluded, int max) {
    if (observed.size() + excluded.size() > max) {
      values.add(new ApiException.FieldProblem(field, String.valueOf(observed.size() + excluded.size()),
          "at most " + max + " findings (observed + excluded) per request"));
    }
  }

  /** Records a wrong type found by the caller. */
  void wrongType(String field, String value, String problem) {
    types.add(new ApiException.FieldProblem(field, abbreviate(value), problem));
  }

  /** Records an invalid value found by the caller. */
  void invalid(String field, String value, String problem) {
    values.add(new ApiException.FieldProblem(field, abbreviate(value), problem));
  }

  /** 400 naming every field of the wrong type, if any. */
  RequestFields failOnTypes() {
    if (!types.isEmpty()) {
      throw new ApiException(400, "invalid_request", "Some fields have the wrong type", types);
    }
    return this;
  }

  /** 403 unless {@code consent} is {@code true}; {@code what} says what was refused (nothing was stored). */
  RequestFields requireConsent(String what) {
    JsonNode consent = body.get("consent");
    if (consent == null || !consent.isBoolean() || !consent.asBoolean()) {
      throw new ApiException(403, "consent_required", "The data-use policy must be accepted (\"consent\": true)"
          + " before " + what + "; nothing about this request was stored",
          List.of(new ApiException.FieldProblem("consent", String.valueOf(consent), "must be true")));
    }
    return this;
  }

  /** 422 naming every invalid value, if any. */
  RequestFields failOnValues(String detail) {
    if (!values.isEmpty()) {
      throw new ApiException(422, "invalid_request", detail, values);
    }
    return this;
  }

  /** {@link #strings(String)} of any node (e.g. one tensor of an inference request), problems into {@code problems}. */
  static List<String> strings(JsonNode body, String field, List<ApiException.FieldProblem> problems) {
    JsonNode node = body.get(field);
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problems.add(new ApiException.FieldProblem(field, abbreviate(node.toString()), "must be an array of strings"));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_TEXT) {
        problems.add(new ApiException.FieldProblem(field + "[" + i + "]", abbreviate(item.toString()),
            "must be a non-empty string of at most " + MAX_TEXT + " characters"));
      } else {
        out.add(item.asText());
      }
    }
    return out;
  }

  /** {@link #text(String)} of any node, problems into {@code problems}. */
  static Optional<String> text(JsonNode body, String field, List<ApiException.FieldProblem> problems) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().length() > MAX_TEXT) {
      problems.add(new ApiException.FieldProblem(field, abbreviate(node.toString()),
          "must be a string of at most " + MAX_TEXT + " characters"));
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }

  /** A value short enough to quote back in an error. */
  static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
