package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.text.Extraction;
import org.detecta.text.Finding;
import org.detecta.text.Language;
import org.detecta.text.NoteExtractor;
import org.detecta.text.NoteFindings;
import org.detecta.text.NoteRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.detecta.serve.JsonBodies.MAPPER;

/**
 * Clinical notes for the API: reads a note with the shared {@link NoteExtractor} (built once, in the
 * background after start-up, when the data has an ontology) and turns bad notes into 4xx answers naming the
 * problem. Stores nothing. Reused by every route that accepts a {@code note}: call {@link #findings} and use
 * {@link NoteFindings#observedAfter}/{@link NoteFindings#excludedAfter}; render with {@link #render}.
 */
public final class NoteService {
  private static final Logger LOG = LoggerFactory.getLogger(NoteService.class);
  /** Longest note accepted by the API, in characters (the body limit usually bites first). */
  public static final int MAX_NOTE_CHARS = 100_000;

  private final Supplier<NoteExtractor> extractor;
  private final boolean available;

  /** {@code available} false (no ontology in the data) → every call answers 503. */
  public NoteService(Supplier<NoteExtractor> extractor, boolean available) {
    this.extractor = extractor;
    this.available = available;
  }

  /** Builds the dictionaries on a daemon thread so the first note is fast. */
  public void warmInBackground() {
    if (!available) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        extractor.get();
      } catch (RuntimeException e) {
        LOG.warn("Note extractor not built: {}", e.getMessage());
      }
    }, "detecta-notes-warmup");
    t.setDaemon(true);
    t.start();
  }

  /** The {@code text} (or {@code note}) field of a body: a non-blank string, else a 400/422 naming {@code field}. */
  public static String noteText(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      throw new ApiException(422, "invalid_request", "Give the note's text in \"" + field + "\"",
          List.of(new ApiException.FieldProblem(field, "", "missing")));
    }
    if (!node.isTextual()) {
      throw new ApiException(400, "invalid_request", "\"" + field + "\" must be a string",
          List.of(new ApiException.FieldProblem(field, DiagnoseRequest.abbreviate(node.toString()), "must be a string")));
    }
    return node.asText();
  }

  /** The language field: es, en or auto (missing → auto); anything else → 422 naming the value. */
  public static Language language(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Language.AUTO;
    }
    try {
      if (!node.isTextual()) {
        throw new IllegalArgumentException("not a string");
      }
      return Language.parse(node.asText());
    } catch (IllegalArgumentException e) {
      throw new ApiException(422, "unknown_language", "Unknown language " + DiagnoseRequest.abbreviate(node.toString())
          + ": use es, en or auto", List.of(new ApiException.FieldProblem(field,
          DiagnoseRequest.abbreviate(node.toString()), "must be es, en or auto")));
    }
  }

  /** Reads {@code text}; {@code field} names the request field in error messages. */
  public Extraction extract(String text, Language language, String field) {
    if (!available) {
      throw new ApiException(503, "notes_unavailable", "Clinical notes cannot be read here: the server's data has"
          + " no HPO ontology (hpo/hp.json)");
    }
    if (text.length() > MAX_NOTE_CHARS) {
      throw new ApiException(413, "note_too_large", "The note has " + text.length() + " characters; the limit is "
          + MAX_NOTE_CHARS, List.of(new ApiException.FieldProblem(field, text.length() + " characters",
          "at most " + MAX_NOTE_CHARS)));
    }
    try {
      return extractor.get().extract(text, language);
    } catch (NoteRejectedException e) {
      boolean lang = e.reason() == NoteRejectedException.Reason.UNKNOWN_LANGUAGE;
      String error = switch (e.reason()) {
        case EMPTY -> "empty_note";
        case TOO_LONG -> "note_too_large";
        case BINARY -> "binary_note";
        case UNKNOWN_LANGUAGE -> "unknown_language";
      };
      int status = e.reason() == NoteRejectedException.Reason.TOO_LONG ? 413 : 422;
      throw new ApiException(status, error, e.getMessage(), List.of(new ApiException.FieldProblem(lang ? "lang" : field,
          lang ? language.code() : DiagnoseRequest.abbreviate(printable(text)), e.getMessage())));
    }
  }

  /** Reads a note for a diagnosis: auto-detected language, falling back to {@code fallback} when it cannot be told. */
  public NoteFindings findings(String text, String field, Optional<Language> fallback) {
    try {
      return NoteFindings.of(extract(text, Language.AUTO, field));
    } catch (ApiException e) {
      if (e.error().equals("unknown_language") && fallback.isPresent()) {
        return NoteFindings.of(extract(text, fallback.get(), field));
      }
      throw e;
    }
  }

  /** The {@code "note"} of a diagnose or interview request: read in the request's language when it cannot be told. */
  public NoteFindings ofRequest(String note, String lang) {
    return findings(note, "note", Optional.of(Language.parse(lang)));
  }

  /** After adding a note's findings: at least one observed finding, and no more than {@code maxFindings} in all (422). */
  public static void checkUsable(DiagnoseRequest merged, NoteFindings note, int maxFindings) {
    if (merged.observed().isEmpty()) {
      throw new ApiException(422, "no_findings", "The note names no present finding (" + note.extraction().findings().size()
          + " finding(s) read, none present); add observed findings",
          List.of(new ApiException.FieldProblem("note", DiagnoseRequest.abbreviate(note.extraction().findings().isEmpty()
              ? "" : note.extraction().findings().get(0).text()), "no present finding")));
    }
    checkTotal(merged.observed().size() + merged.excluded().size(), maxFindings);
  }

  /** No more than {@code maxFindings} observed + excluded once a note's findings are added (422). */
  public static void checkTotal(int total, int maxFindings) {
    if (total > maxFindings) {
      throw new ApiException(422, "invalid_request", "The note and the findings give " + total + " findings; at most "
          + maxFindings + " per request", List.of(new ApiException.FieldProblem("note", String.valueOf(total),
          "at most " + maxFindings + " findings (observed + excluded) per request")));
    }
  }

  /** {@code {"language", "findings":[{start,end,text,hpoId,label,status,use}], "observed", "excluded"}}. */
  public static ObjectNode render(NoteFindings note) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("language", note.extraction().language().code());
    ArrayNode findings = out.putArray("findings");
    for (Finding f : note.extraction().findings()) {
      ObjectNode node = findings.addObject();
      node.put("start", f.start());
      node.put("end", f.end());
      node.put("text", f.text());
      node.put("hpoId", f.hpoId());
      node.put("label", f.label());
      node.put("status", f.status().code());
      node.put("use", note.use(f));
    }
    out.set("observed", MAPPER.valueToTree(note.observed()));
    out.set("excluded", MAPPER.valueToTree(note.excluded()));
    return out;
  }

  private static String printable(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), 80));
    text.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) && c != '\n' ? '?' : c));
    return b.toString();
  }
}
