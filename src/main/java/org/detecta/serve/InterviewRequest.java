package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.detecta.cases.Sex;
import org.detecta.interview.Answer;
import org.detecta.interview.Question;

/**
 * A validated {@code POST /api/v1/interview} body: consent, the findings known (observed / excluded, as for
 * diagnose), the answers so far in the order asked ({@code {"id": "E_55", "answer": ["V_29"]}}; an answer
 * is a value, a list of values, or {@code "unknown"}), demographics, language, model, stopping threshold
 * and question budget. With no finding at all the interview starts from the prior (the first question is
 * then the most informative one overall); the page starts from the chief complaint.
 */
public record InterviewRequest(List<String> observed, List<String> excluded, List<Answer> answers, Optional<Double> age,
                               Sex sex, String lang, Optional<String> model, double threshold, int budget, int top,
                               Optional<String> note) {
  public static final double DEFAULT_THRESHOLD = 0.9;
  public static final int DEFAULT_BUDGET = 20;
  private static final Set<String> FIELDS = Set.of("consent", "observed", "excluded", "answers", "age", "sex", "lang",
      "model", "threshold", "budget", "top", "note");

  public InterviewRequest {
    observed = List.copyOf(observed);
    excluded = List.copyOf(excluded);
    answers = List.copyOf(answers);
  }

  public static InterviewRequest parse(JsonNode body, int maxFindings) {
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
    // Reuse the diagnose request's checks for the shared fields.
    com.fasterxml.jackson.databind.node.ObjectNode shared = JsonBodies.MAPPER.createObjectNode();
    for (String f : List.of("consent", "observed", "excluded", "age", "sex", "lang", "model")) {
      if (body.has(f)) {
        shared.set(f, body.get(f));
      }
    }
    if (!shared.has("observed") || shared.get("observed").isEmpty()) {
      shared.set("observed", JsonBodies.MAPPER.createArrayNode().add("-"));
    }
    DiagnoseRequest common = DiagnoseRequest.parse(shared, maxFindings);
    List<String> observed = DiagnoseRequest.strings(body, "observed", types);
    List<Answer> answers = answers(body.get("answers"), types);
    double threshold = DEFAULT_THRESHOLD;
    JsonNode t = body.get("threshold");
    if (t != null && !t.isNull()) {
      if (!t.isNumber()) {
        types.add(new ApiException.FieldProblem("threshold", t.toString(), "must be a number"));
      } else if (!(t.asDouble() > 0 && t.asDouble() <= 1)) {
        values.add(new ApiException.FieldProblem("threshold", t.toString(), "must be in (0, 1]"));
      } else {
        threshold = t.asDouble();
      }
    }
    Optional<String> note = Optional.empty();
    JsonNode n = body.get("note");
    if (n != null && !n.isNull()) {
      if (n.isTextual()) {
        note = Optional.of(n.asText());
      } else {
        types.add(new ApiException.FieldProblem("note", DiagnoseRequest.abbreviate(n.toString()), "must be a string"));
      }
    }
    int budget = integer(body, "budget", DEFAULT_BUDGET, 0, 100, types, values);
    int top = integer(body, "top", 10, 1, 100, types, values);
    if (!types.isEmpty()) {
      throw new ApiException(400, "invalid_request", "Some fields have the wrong type", types);
    }
    if (answers.size() > maxFindings) {
      values.add(new ApiException.FieldProblem("answers", String.valueOf(answers.size()), "at most " + maxFindings + " answers"));
    }
    if (!values.isEmpty()) {
      throw new ApiException(422, "invalid_request", "Some fields have invalid values", values);
    }
    return new InterviewRequest(observed, common.excluded(), answers, common.age(), common.sex(), common.lang(),
        common.model(), threshold, budget, top, note);
  }

  /** The same request with the findings a note added (the note itself is consumed). */
  public InterviewRequest withFindings(List<String> newObserved, List<String> newExcluded) {
    return new InterviewRequest(newObserved, newExcluded, answers, age, sex, lang, model, threshold, budget, top,
        Optional.empty());
  }

  private static int integer(JsonNode body, String field, int fallback, int min, int max,
                             List<ApiException.FieldProblem> types, List<ApiException.FieldProblem> values) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      types.add(new ApiException.FieldProblem(field, n.toString(), "must be a whole number"));
    } else if (n.asInt() < min || n.asInt() > max) {
      values.add(new ApiException.FieldProblem(field, n.toString(), "must be between " + min + " and " + max));
    } else {
      return n.asInt();
    }
    return fallback;
  }

  private static List<Answer> answers(JsonNode node, List<ApiException.FieldProblem> problems) {
    List<Answer> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problems.add(new ApiException.FieldProblem("answers", DiagnoseRequest.abbreviate(node.toString()),
          "must be an array of {\"id\": ..., \"answer\": ...}"));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String where = "answers[" + i + "]";
      JsonNode id = item.get("id");
      JsonNode answer = item.get("answer");
      if (!item.isObject() || id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 200 || answer == null) {
        problems.add(new ApiException.FieldProblem(where, DiagnoseRequest.abbreviate(item.toString()),
            "must be {\"id\": \"question id\", \"answer\": \"value\" | [\"value\", ...] | \"unknown\"}"));
        continue;
      }
      Set<String> values = new LinkedHashSet<>();
      boolean ok = true;
      if (answer.isTextual()) {
        values.add(answer.asText());
      } else if (answer.isArray() && answer.size() <= 200) {
        for (JsonNode v : answer) {
          ok &= v.isTextual() || v.isNumber();
          values.add(v.asText());
        }
      } else if (answer.isNumber()) {
        values.add(answer.asText());
      } else {
        ok = false;
      }
      if (!ok) {
        problems.add(new ApiException.FieldProblem(where + ".answer", DiagnoseRequest.abbreviate(answer.toString()),
            "must be a value, a list of values, or \"unknown\""));
        continue;
      }
      String q = id.asText().strip();
      out.add(values.equals(Set.of(Question.UNKNOWN)) ? Answer.unknown(q) : new Answer(q, values));
    }
    return out;
  }
}
