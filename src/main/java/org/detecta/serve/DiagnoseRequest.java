package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.detecta.cases.Sex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A validated {@code POST /api/v1/diagnose} body. {@link #parse} collects every problem before failing. */
public record DiagnoseRequest(boolean consent, List<String> observed, List<String> excluded, Optional<Double> age,
                              Sex sex, String lang, Optional<String> model, int top, Optional<String> note) {
  public static final Set<String> LANGS = Set.of("es", "en");
  private static final Set<String> FIELDS = Set.of("consent", "observed", "excluded", "age", "sex", "lang", "model", "top",
      "note");

  public DiagnoseRequest {
    observed = List.copyOf(observed);
    excluded = List.copyOf(excluded);
    note = note == null ? Optional.empty() : note;
  }

  /** A request without a note. */
  public DiagnoseRequest(boolean consent, List<String> observed, List<String> excluded, Optional<Double> age,
                         Sex sex, String lang, Optional<String> model, int top) {
    this(consent, observed, excluded, age, sex, lang, model, top, Optional.empty());
  }

  /** The same request with these findings (e.g. after adding a note's) and no note left to read. */
  public DiagnoseRequest withFindings(List<String> newObserved, List<String> newExcluded) {
    return new DiagnoseRequest(consent, newObserved, newExcluded, age, sex, lang, model, top, Optional.empty());
  }

  /** Wrong types → 400; values out of range or too many findings → 422; missing consent → 403. */
  public static DiagnoseRequest parse(JsonNode body, int maxFindings) {
    if (body == null || !body.isObject()) {
      throw new ApiException(400, "invalid_json", "The body must be a JSON object");
    }
    List<ApiException.FieldProblem> types = new ArrayList<>();
    List<ApiException.FieldProblem> values = new ArrayList<>();
    body.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        values.add(new ApiException.FieldProblem(f, "", "unknown field; known: " + String.join(", ", new java.util.TreeSet<>(FIELDS))));
      }
    });
    JsonNode consent = body.get("consent");
    if (consent != null && !consent.isBoolean()) {
      types.add(new ApiException.FieldProblem("consent", consent.toString(), "must be true or false"));
    }
    List<String> observed = strings(body, "observed", types);
    List<String> excluded = strings(body, "excluded", types);
    Optional<Double> age = Optional.empty();
    JsonNode ageNode = body.get("age");
    if (ageNode != null && !ageNode.isNull()) {
      if (!ageNode.isNumber()) {
        types.add(new ApiException.FieldProblem("age", ageNode.toString(), "must be a number of years"));
      } else if (ageNode.asDouble() < 0 || ageNode.asDouble() > 130) {
        values.add(new ApiException.FieldProblem("age", ageNode.toString(), "must be between 0 and 130"));
      } else {
        age = Optional.of(ageNode.asDouble());
      }
    }
    Sex sex = Sex.UNKNOWN;
    JsonNode sexNode = body.get("sex");
    if (sexNode != null && !sexNode.isNull()) {
      if (!sexNode.isTextual()) {
        types.add(new ApiException.FieldProblem("sex", sexNode.toString(), "must be a string"));
      } else {
        sex = Sex.parse(sexNode.asText());
        if (sex == Sex.UNKNOWN && !sexNode.asText().equalsIgnoreCase("unknown")) {
          values.add(new ApiException.FieldProblem("sex", sexNode.asText(), "must be female, male, other or unknown"));
        }
      }
    }
    String lang = text(body, "lang", types).orElse("es").toLowerCase(Locale.ROOT);
    if (!LANGS.contains(lang)) {
      values.add(new ApiException.FieldProblem("lang", lang, "must be es or en"));
    }
    Optional<String> model = text(body, "model", types);
    int top = 10;
    JsonNode topNode = body.get("top");
    if (topNode != null && !topNode.isNull()) {
      if (!topNode.canConvertToInt() || !topNode.isIntegralNumber()) {
        types.add(new ApiException.FieldProblem("top", topNode.toString(), "must be a whole number"));
      } else if (topNode.asInt() < 1 || topNode.asInt() > 100) {
        values.add(new ApiException.FieldProblem("top", topNode.toString(), "must be between 1 and 100"));
      } else {
        top = topNode.asInt();
      }
    }
    Optional<String> note = Optional.empty();
    JsonNode noteNode = body.get("note");
    if (noteNode != null && !noteNode.isNull()) {
      if (!noteNode.isTextual()) {
        types.add(new ApiException.FieldProblem("note", abbreviate(noteNode.toString()), "must be the note's text (a string)"));
      } else {
        note = Optional.of(noteNode.asText());
      }
    }
    if (!types.isEmpty()) {
      throw new ApiException(400, "invalid_request", "Some fields have the wrong type", types);
    }
    if (consent == null || !consent.asBoolean()) {
      throw new ApiException(403, "consent_required", "The data-use policy must be accepted (\"consent\": true)"
          + " before a diagnosis; nothing about this request was stored",
          List.of(new ApiException.FieldProblem("consent", String.valueOf(consent), "must be true")));
    }
    if (observed.size() + excluded.size() > maxFindings) {
      values.add(new ApiException.FieldProblem("observed", String.valueOf(observed.size() + excluded.size()),
          "at most " + maxFindings + " findings (observed + excluded) per request"));
    }
    if (observed.isEmpty() && note.isEmpty()) {
      values.add(new ApiException.FieldProblem("observed", "[]", "give at least one observed finding (or a note)"));
    }
    if (!values.isEmpty()) {
      throw new ApiException(422, "invalid_request", "Some fields have invalid values", values);
    }
    return new DiagnoseRequest(true, observed, excluded, age, sex, lang, model, top, note);
  }

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
      if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > 200) {
        problems.add(new ApiException.FieldProblem(field + "[" + i + "]", abbreviate(item.toString()),
            "must be a non-empty string of at most 200 characters"));
      } else {
        out.add(item.asText());
      }
    }
    return out;
  }

  static Optional<String> text(JsonNode body, String field, List<ApiException.FieldProblem> problems) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().length() > 200) {
      problems.add(new ApiException.FieldProblem(field, abbreviate(node.toString()), "must be a string of at most 200 characters"));
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }

  static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
