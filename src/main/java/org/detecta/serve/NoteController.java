package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.detecta.text.Language;

import java.util.Set;

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
    JsonNode body = RequestFields.of(bodies.read(ctx)).onlyKnown(FIELDS).failOnValues("Some fields are unknown")
        .requireConsent("a note is read").body();
    String text = NoteService.noteText(body, "text");
    Language language = NoteService.language(body, "lang");
    ctx.json(NoteService.render(org.detecta.text.NoteFindings.of(notes.extract(text, language, "text"))));
  }
}
