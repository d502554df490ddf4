package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.detecta.text.Language;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code POST /api/v1/extract}: the findings of a clinical note (es/en) with offsets and status. Stores nothing. */
public final class NoteController {
  private static final Set<String> FIELDS = Set.of("consent", "text", "lang");
  private final NoteService notes;
  private final JsonBodies bodies;

  public NoteController(NoteService notes, JsonBodies bodies) {
    this.notes = notes;
    this.bodies = bodies;
  }

  public void extract(Context ctx) {
    JsonNode body = bodies.read(ctx);
    if (!body.isObject()) {
      throw new ApiException(400, "invalid_json", "The body must be a JSON object");
    }
    List<ApiException.FieldProblem> unknown = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        unknown.add(new ApiException.FieldProblem(f, "", "unknown field; known: " + String.join(", ", new TreeSet<>(FIELDS))));
      }
    });
    if (!unknown.isEmpty()) {
      throw new ApiException(422, "invalid_request", "Some fields are unknown", unknown);
    }
    JsonNode consent = body.get("consent");
    if (consent == null || !consent.isBoolean() || !consent.asBoolean()) {
      throw new ApiException(403, "consent_required", "The data-use policy must be accepted (\"consent\": true)"
          + " before a note is read; nothing about this request was stored",
          List.of(new ApiException.FieldProblem("consent", String.valueOf(consent), "must be true")));
    }
    String text = NoteService.noteText(body, "text");
    Language language = NoteService.language(body, "lang");
    ctx.json(NoteService.render(org.detecta.text.NoteFindings.of(notes.extract(text, language, "text"))));
  }
}
