package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.detecta.cases.Sex;

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
    RequestFields fields = RequestFields.of(body).onlyKnown(FIELDS);
    fields.flag("consent");
    List<String> observed = fields.strings("observed");
    List<String> excluded = fields.strings("excluded");
    Optional<Double> age = fields.number("age", 0, 130, "years");
    Sex sex = Sex.UNKNOWN;
    JsonNode sexNode = body.get("sex");
    if (sexNode != null && !sexNode.isNull()) {
      if (!sexNode.isTextual()) {
        fields.wrongType("sex", sexNode.toString(), "must be a string");
      } else {
        sex = Sex.parse(sexNode.asText());
        if (sex == Sex.UNKNOWN && !sexNode.asText().equalsIgnoreCase("unknown")) {
          fields.invalid("sex", sexNode.asText(), "must be female, male, other or unknown");
        }
      }
    }
    String lang = fields.text("lang").orElse("es").toLowerCase(Locale.ROOT);
    if (!LANGS.contains(lang)) {
      fields.invalid("lang", lang, "must be es or en");
    }
    Optional<String> model = fields.text("model");
    int top = fields.integer("top", 10, 1, 100);
    Optional<String> note = Optional.empty();
    JsonNode noteNode = body.get("note");
    if (noteNode != null && !noteNode.isNull()) {
      if (!noteNode.isTextual()) {
        fields.wrongType("note", noteNode.toString(), "must be the note's text (a string)");
      } else {
        note = Optional.of(noteNode.asText());
      }
    }
    fields.failOnTypes().requireConsent("a diagnosis");
    fields.limitFindings("observed", observed, excluded, maxFindings);
    if (observed.isEmpty() && note.isEmpty()) {
      fields.invalid("observed", "[]", "give at least one observed finding (or a note)");
    }
    fields.failOnValues("Some fields have invalid values");
    return new DiagnoseRequest(true, observed, excluded, age, sex, lang, model, top, note);
  }

  /** See {@link RequestFields#strings(JsonNode, String, List)} (kept for the routes that read lists this way). */
  static List<String> strings(JsonNode body, String field, List<ApiException.FieldProblem> problems) {
    return RequestFields.strings(body, field, problems);
  }

  /** See {@link RequestFields#text(JsonNode, String, List)}. */
  static Optional<String> text(JsonNode body, String field, List<ApiException.FieldProblem> problems) {
    return RequestFields.text(body, field, problems);
  }

  /** See {@link RequestFields#abbreviate}. */
  static String abbreviate(String value) {
    return RequestFields.abbreviate(value);
  }
}
