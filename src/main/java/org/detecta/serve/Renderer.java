package org.detecta.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.MatchKind;
import org.detecta.diagnosis.SimilarCase;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static org.detecta.serve.JsonBodies.MAPPER;

/** Renders service results as the API's JSON (field names are the contract of issue 6). */
final class Renderer {
  /** Shortest round-trip doubles (Schubfach) instead of the JDK's slower {@code Double.toString}. */
  private static final JsonFactory FAST = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .build().setCodec(MAPPER);
  private static final String[] MATCH = java.util.Arrays.stream(MatchKind.values())
      .map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
  private Renderer() {
  }

  /**
   * The diagnosis as UTF-8 JSON bytes, streamed straight from the result (no intermediate tree: this is the
   * hot path of the API); {@code extra} fields (e.g. {@code note}) are appended after the contract's fields.
   */
  static byte[] diagnosis(DiagnoseResult result, Map<String, JsonNode> extra) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(4096);
    try (JsonGenerator g = FAST.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeFieldName("predictionId");
      if (result.predictionId().isPresent()) {
        g.writeString(result.predictionId().get());
      } else {
        g.writeNull();
      }
      g.writeBooleanField("stored", result.predictionId().isPresent());
      g.writeObjectFieldStart("model");
      g.writeStringField("name", result.model());
      g.writeNumberField("version", result.version());
      g.writeEndObject();
      g.writeNumberField("unlisted", result.unlisted());
      g.writeArrayFieldStart("candidates");
      for (Candidate c : result.candidates()) {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("name", c.name());
        g.writeNumberField("probability", c.probability());
        g.writeStringField("kind", c.kind().wireName());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : c.evidence()) {
          g.writeStartObject();
          g.writeStringField("finding", e.finding());
          g.writeStringField("feature", e.feature());
          g.writeStringField("match", MATCH[e.match().ordinal()]);
          g.writeNumberField("contribution", Double.isFinite(e.contribution()) ? e.contribution() : 0.0);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("similarCases");
        for (SimilarCase s : c.similarCases()) {
          g.writeStartObject();
          g.writeStringField("caseId", s.caseId());
          g.writeStringField("publication", s.publication());
          g.writeNumberField("similarity", s.similarity());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeFieldName("nextQuestions");
      MAPPER.writeValue(g, result.nextQuestions());
      g.writeArrayFieldStart("unrecognised");
      for (String u : result.unrecognised()) {
        g.writeString(u);
      }
      g.writeEndArray();
      g.writeNumberField("latencyMs", result.latencyMs());
      for (Map.Entry<String, JsonNode> field : extra.entrySet()) {
        g.writeFieldName(field.getKey());
        MAPPER.writeTree(g, field.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render a diagnosis", e); // in-memory: only a bug gets here
    }
    return bytes.toByteArray();
  }

  /**
   * Sends pre-rendered JSON bytes through Javalin's (compressing when asked) output stream, without the
   * 8 KiB copy buffer a {@code ctx.result(...)} costs per response.
   */
  static void send(Context ctx, byte[] json) {
    ctx.contentType(ContentType.APPLICATION_JSON);
    try {
      ctx.outputStream().write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot send the response", e); // the client went away
    }
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
