package org.detecta.serve;

import static org.detecta.serve.JsonBodies.MAPPER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.detecta.diagnosis.Candidate;
import org.detecta.interview.Option;
import org.detecta.interview.Question;
import org.detecta.interview.RankedQuestion;
import org.detecta.text.NoteFindings;

/** {@code POST /api/v1/interview}: parse, run one stateless interview step, render. */
public final class InterviewController {
  private final InterviewService service;
  private final JsonBodies bodies;
  private final int maxFindings;
  private final NoteService notes;

  public InterviewController(InterviewService service, JsonBodies bodies, int maxFindings, NoteService notes) {
    this.service = service;
    this.notes = notes;
    this.bodies = bodies;
    this.maxFindings = maxFindings;
  }

  public void interview(Context ctx) {
    InterviewRequest request = InterviewRequest.parse(bodies.read(ctx), maxFindings);
    if (request.note().isEmpty()) {
      ctx.json(render(service.step(request)));
      return;
    }
    // A note adds its present findings as observed and its absent ones as excluded, as for diagnose.
    NoteFindings note = notes.ofRequest(request.note().get(), request.lang());
    InterviewRequest merged = request.withFindings(note.observedAfter(request.observed()),
        note.excludedAfter(request.excluded()));
    NoteService.checkTotal(merged.observed().size() + merged.excluded().size(), maxFindings);
    ObjectNode out = render(service.step(merged));
    out.set("note", NoteService.render(note));
    ctx.json(out);
  }

  static ObjectNode render(InterviewService.Step step) {
    ObjectNode out = MAPPER.createObjectNode();
    ObjectNode model = out.putObject("model");
    model.put("name", step.model().name());
    model.put("version", step.model().version().version());
    out.put("stored", false);
    ArrayNode candidates = out.putArray("candidates");
    for (Candidate c : step.candidates()) {
      ObjectNode node = candidates.addObject();
      node.put("id", c.id());
      node.put("name", c.name());
      node.put("probability", c.probability());
      node.put("kind", c.kind().wireName());
    }
    if (step.next().isPresent()) {
      out.set("question", question(step.next().get().question(), step.lang()));
      out.put("expectedGain", step.next().get().gain());
    } else {
      out.putNull("question");
      out.putNull("expectedGain");
    }
    ArrayNode alternatives = out.putArray("alternatives");
    step.alternatives().forEach(r -> alternatives.add(suggestion(r, step.lang())));
    out.put("done", step.done());
    if (step.reason().isEmpty()) {
      out.putNull("reason");
    } else {
      out.put("reason", step.reason());
    }
    out.put("asked", step.asked());
    out.put("threshold", step.threshold());
    out.put("budget", step.budget());
    out.set("unrecognised", MAPPER.valueToTree(step.unrecognised()));
    out.put("latencyMs", step.latencyMs());
    return out;
  }

  static ObjectNode question(Question q, String lang) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", q.id());
    node.put("text", q.text(lang));
    node.put("kind", q.kind().json());
    if (q.parent().isPresent()) {
      node.put("parent", q.parent().get());
    }
    ArrayNode options = node.putArray("options");
    for (Option o : q.options()) {
      options.addObject().put("id", o.id()).put("text", o.text(lang));
    }
    options.addObject().put("id", Question.UNKNOWN).put("text", "en".equals(lang) ? "Don't know" : "No lo sé");
    return node;
  }

  /** A proposed question for {@code nextQuestions}: id, text, kind, expected gain. */
  static ObjectNode suggestion(RankedQuestion r, String lang) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", r.question().id());
    node.put("text", r.question().text(lang));
    node.put("kind", r.question().kind().json());
    node.put("gain", r.gain());
    return node;
  }
}
