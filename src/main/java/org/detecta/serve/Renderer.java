package org.detecta.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Evidence;

import static org.detecta.serve.JsonBodies.MAPPER;

/** Renders service results as the API's JSON (field names are the contract of issue 6). */
final class Renderer {
  private Renderer() {
  }

  static ObjectNode diagnosis(DiagnoseResult result) {
    ObjectNode out = MAPPER.createObjectNode();
    if (result.predictionId().isPresent()) {
      out.put("predictionId", result.predictionId().get());
    } else {
      out.putNull("predictionId");
    }
    out.put("stored", result.predictionId().isPresent());
    ObjectNode model = out.putObject("model");
    model.put("name", result.model());
    model.put("version", result.version());
    ArrayNode candidates = out.putArray("candidates");
    for (Candidate c : result.candidates()) {
      ObjectNode node = candidates.addObject();
      node.put("id", c.id());
      node.put("name", c.name());
      node.put("probability", c.probability());
      node.put("kind", c.kind().wireName());
      ArrayNode evidence = node.putArray("evidence");
      for (Evidence e : c.evidence()) {
        ObjectNode ev = evidence.addObject();
        ev.put("finding", e.finding());
        ev.put("feature", e.feature());
        ev.put("match", e.match().name().toLowerCase(java.util.Locale.ROOT));
        ev.put("contribution", Double.isFinite(e.contribution()) ? e.contribution() : 0.0);
      }
    }
    out.set("nextQuestions", MAPPER.valueToTree(result.nextQuestions()));
    out.set("unrecognised", MAPPER.valueToTree(result.unrecognised()));
    out.put("latencyMs", result.latencyMs());
    return out;
  }

  static ObjectNode error(ApiException e, String requestId) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("error", e.error());
    out.put("detail", e.getMessage());
    ArrayNode fields = out.putArray("fields");
    for (ApiException.FieldProblem p : e.fields()) {
      ObjectNode f = fields.addObject();
      f.put("field", p.field());
      f.put("value", p.value());
      f.put("problem", p.problem());
    }
    out.put("requestId", requestId);
    return out;
  }

  static ObjectNode model(ServedModel m) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", m.name());
    node.put("version", m.version().version());
    node.put("ref", m.version().ref());
    node.put("createdAt", m.version().createdAt().toString());
    node.put("codeVersion", m.version().codeVersion());
    node.set("aliases", MAPPER.valueToTree(m.version().aliases()));
    node.set("metrics", m.version().metadata().path("metrics"));
    node.set("parameters", m.version().metadata().path("parameters"));
    node.set("data", m.version().metadata().path("data"));
    node.set("card", m.version().metadata().path("card"));
    node.put("inputs", m.inputs().size());
    node.put("outputs", m.version().metadata().path("signature").path("outputs").size());
    return node;
  }
}
