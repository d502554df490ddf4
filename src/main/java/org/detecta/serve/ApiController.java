package org.detecta.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.detecta.monitor.PredictionLog;
import org.detecta.text.NoteFindings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.detecta.serve.JsonBodies.MAPPER;

/** The clinical API: diagnose, term autocomplete, feedback, served models. Thin: parse, call a service, render. */
public final class ApiController {
  private final DiagnoseService diagnoses;
  private final Vocabulary vocabulary;
  private final ModelService models;
  private final PredictionLog log;
  private final JsonBodies bodies;
  private final int maxFindings;
  private final NoteService notes;

  public ApiController(DiagnoseService diagnoses, Vocabulary vocabulary, ModelService models, PredictionLog log,
                       JsonBodies bodies, int maxFindings, NoteService notes) {
    this.notes = notes;
    this.diagnoses = diagnoses;
    this.vocabulary = vocabulary;
    this.models = models;
    this.log = log;
    this.bodies = bodies;
    this.maxFindings = maxFindings;
  }

  public void diagnose(Context ctx) {
    DiagnoseRequest request = DiagnoseRequest.parse(bodies.read(ctx), maxFindings);
    if (request.note().isEmpty()) {
      Renderer.send(ctx, Renderer.diagnosis(diagnoses.diagnose(request), Map.of()));
      return;
    }
    NoteFindings note = notes.ofRequest(request.note().get(), request.lang());
    DiagnoseRequest merged = request.withFindings(note.observedAfter(request.observed()),
        note.excludedAfter(request.excluded()));
    NoteService.checkUsable(merged, note, maxFindings);
    Renderer.send(ctx, Renderer.diagnosis(diagnoses.diagnose(merged), Map.of("note", NoteService.render(note))));
  }

  public void terms(Context ctx) {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse("es");
    if (q.length() > 100) {
      throw new ApiException(422, "invalid_request", "q is too long",
          List.of(new ApiException.FieldProblem("q", DiagnoseRequest.abbreviate(q), "at most 100 characters")));
    }
    if (!DiagnoseRequest.LANGS.contains(lang)) {
      throw new ApiException(422, "invalid_request", "Unsupported language",
          List.of(new ApiException.FieldProblem("lang", lang, "must be es or en")));
    }
    int limit = parseLimit(ctx.queryParam("limit"));
    ArrayNode out = MAPPER.createArrayNode();
    for (TermEntry e : vocabulary.search().search(q, lang, limit)) {
      ObjectNode node = out.addObject();
      node.put("id", e.id());
      node.put("label", e.label());
      node.put("lang", e.lang());
      node.put("source", e.source());
    }
    ctx.json(out);
  }

  private static int parseLimit(String value) {
    if (value == null) {
      return 10;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= 50) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ApiException(422, "invalid_request", "limit must be a whole number between 1 and 50",
        List.of(new ApiException.FieldProblem("limit", DiagnoseRequest.abbreviate(value), "between 1 and 50")));
  }

  public void feedback(Context ctx) {
    RequestFields fields = RequestFields.of(bodies.read(ctx));
    Optional<String> id = fields.text("predictionId");
    Optional<String> confirmed = fields.text("confirmedDiagnosis");
    fields.failOnTypes();
    if (id.isEmpty() || !id.get().matches("[0-9a-f-]{36}")) {
      fields.invalid("predictionId", id.orElse(""), "must be the predictionId of a diagnosis");
    }
    if (confirmed.isEmpty() || confirmed.get().isBlank()) {
      fields.invalid("confirmedDiagnosis", confirmed.orElse(""), "must name the confirmed disease id");
    }
    fields.failOnValues("Some fields have invalid values");
    if (!log.addFeedback(id.get(), confirmed.get().strip())) {
      throw new ApiException(404, "unknown_prediction", "No logged prediction " + id.get()
          + " (only consented predictions are kept, and only for the retention period)",
          List.of(new ApiException.FieldProblem("predictionId", id.get(), "not found")));
    }
    ctx.status(201).json(MAPPER.createObjectNode().put("predictionId", id.get()).put("recorded", true));
  }

  public void models(Context ctx) {
    ArrayNode out = MAPPER.createArrayNode();
    models.all().stream().sorted(java.util.Comparator.comparing(ServedModel::name))
        .forEach(m -> out.add(Renderer.model(m)));
    ctx.json(MAPPER.createObjectNode().set("models", out));
  }
}
