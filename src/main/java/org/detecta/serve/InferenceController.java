package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.detecta.cases.Sex;
import org.detecta.diagnosis.Candidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.detecta.serve.JsonBodies.MAPPER;

/**
 * Open Inference Protocol v2 (KServe) for platform integration. Tensor convention: inputs {@code observed}
 * (required) and {@code excluded} (optional), each {@code BYTES} with shape {@code [n]} and one finding per
 * element (HPO id, model input name or label); parameters {@code top} (default 10) and {@code consent}
 * (default false: nothing stored). Outputs, each shape {@code [k]} best first: {@code disease_id} (BYTES),
 * {@code disease_name} (BYTES), {@code probability} (FP64), {@code kind} (BYTES: rare|common); response
 * parameter {@code unrecognised} lists findings that were ignored.
 */
public final class InferenceController {
  private final DiagnoseService diagnoses;
  private final ModelService models;
  private final JsonBodies bodies;
  private final int maxFindings;

  public InferenceController(DiagnoseService diagnoses, ModelService models, JsonBodies bodies, int maxFindings) {
    this.diagnoses = diagnoses;
    this.models = models;
    this.bodies = bodies;
    this.maxFindings = maxFindings;
  }

  public void live(Context ctx) {
    ctx.json(MAPPER.createObjectNode().put("live", true));
  }

  /**
   * Ready when the models have loaded, at least one is served and no champion failed to load (the Open Inference
   * Protocol's server readiness: every model ready). A failure names the champion and why, so an orchestrator
   * keeps traffic on the instances that can serve it and the operator sees the cause.
   */
  public void ready(Context ctx) {
    Map<String, String> unavailable = models.unavailable();
    boolean ready = models.ready() && !models.all().isEmpty() && unavailable.isEmpty();
    ObjectNode out = MAPPER.createObjectNode().put("ready", ready);
    if (!unavailable.isEmpty()) {
      ArrayNode failures = out.putArray("unavailable");
      unavailable.forEach((ref, why) -> failures.addObject().put("model", ref).put("reason", why));
    }
    ctx.status(ready ? 200 : 503).json(out);
  }

  /**
   * Open Inference Protocol model readiness: 200 when the model is served; 503 while the models are still loading or
   * when its champion failed to load (with the reason); 404 for a name that is not a model here.
   */
  public void modelReady(Context ctx) {
    String name = ctx.pathParam("name");
    ObjectNode out = MAPPER.createObjectNode().put("name", name);
    if (models.find(name).isPresent()) {
      ctx.json(out.put("ready", true));
      return;
    }
    models.unavailable().forEach((ref, why) -> {
      if (ref.startsWith(name + ":")) {
        out.put("model", ref).put("reason", why);
      }
    });
    if (!out.has("model") && models.ready()) {
      throw models.unknownModel(name);
    }
    ctx.status(503).json(out.put("ready", false));
  }

  public void metadata(Context ctx) {
    ServedModel model = models.resolve(Optional.of(ctx.pathParam("name")));
    ObjectNode out = MAPPER.createObjectNode();
    out.put("name", model.name());
    out.putArray("versions").add(Integer.toString(model.version().version()));
    out.put("platform", "detecta-java");
    ArrayNode inputs = out.putArray("inputs");
    tensor(inputs, "observed", "BYTES");
    tensor(inputs, "excluded", "BYTES");
    ArrayNode outputs = out.putArray("outputs");
    tensor(outputs, "disease_id", "BYTES");
    tensor(outputs, "disease_name", "BYTES");
    tensor(outputs, "probability", "FP64");
    tensor(outputs, "kind", "BYTES");
    ctx.json(out);
  }

  private static void tensor(ArrayNode into, String name, String type) {
    ObjectNode t = into.addObject();
    t.put("name", name);
    t.put("datatype", type);
    t.putArray("shape").add(-1);
  }

  public void infer(Context ctx) {
    String name = ctx.pathParam("name");
    JsonNode body = bodies.read(ctx);
    if (!body.isObject() || !body.path("inputs").isArray()) {
      throw new ApiException(400, "invalid_request", "An inference request is an object with an 'inputs' array of tensors");
    }
    RequestFields fields = RequestFields.of(body);
    List<ApiException.FieldProblem> tensorProblems = new ArrayList<>();
    List<String> observed = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    JsonNode inputs = body.get("inputs");
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode tensor = inputs.get(i);
      String tensorName = tensor.path("name").asText("");
      List<String> target = switch (tensorName) {
        case "observed" -> observed;
        case "excluded" -> excluded;
        default -> null;
      };
      if (target == null) {
        fields.invalid("inputs[" + i + "].name", tensorName, "must be observed or excluded");
        continue;
      }
      if (!"BYTES".equals(tensor.path("datatype").asText(""))) {
        fields.invalid("inputs[" + i + "].datatype", tensor.path("datatype").asText(""), "must be BYTES");
      }
      target.addAll(RequestFields.strings(tensor, "data", tensorProblems));
    }
    // One 422 for everything wrong in the tensors (the protocol has no separate "wrong type" answer).
    tensorProblems.forEach(p -> fields.invalid(p.field(), p.value(), p.problem()));
    JsonNode parameters = body.path("parameters");
    int top = fields.integer(parameters.get("top"), "parameters.top", 10, 1, 100);
    boolean consent = fields.flag(parameters.get("consent"), "parameters.consent");
    if (observed.isEmpty()) {
      fields.invalid("inputs", "", "an 'observed' tensor with at least one finding is required");
    }
    fields.limitFindings("inputs", observed, excluded, maxFindings);
    fields.failOnTypes().failOnValues("The inference request is not valid");
    DiagnoseResult result = diagnoses.run(Optional.of(name), observed, excluded,
        new DiagnoseService.QueryContext(Sex.UNKNOWN, Optional.empty()), top, consent);
    ObjectNode out = MAPPER.createObjectNode();
    out.put("model_name", result.model());
    out.put("model_version", Integer.toString(result.version()));
    if (body.hasNonNull("id")) {
      out.put("id", body.get("id").asText());
    }
    List<Candidate> cs = result.candidates();
    ArrayNode outputs = out.putArray("outputs");
    output(outputs, "disease_id", "BYTES", cs.size()).addAll(cs.stream().map(c -> MAPPER.getNodeFactory().textNode(c.id())).toList());
    output(outputs, "disease_name", "BYTES", cs.size()).addAll(cs.stream().map(c -> MAPPER.getNodeFactory().textNode(c.name())).toList());
    output(outputs, "probability", "FP64", cs.size()).addAll(cs.stream().map(c -> MAPPER.getNodeFactory().numberNode(c.probability())).toList());
    output(outputs, "kind", "BYTES", cs.size()).addAll(cs.stream().map(c -> MAPPER.getNodeFactory().textNode(c.kind().wireName())).toList());
    ObjectNode params = out.putObject("parameters");
    params.set("unrecognised", MAPPER.valueToTree(result.unrecognised()));
    result.predictionId().ifPresent(id -> params.put("predictionId", id));
    ctx.json(out);
  }

  private static ArrayNode output(ArrayNode outputs, String name, String type, int size) {
    ObjectNode t = outputs.addObject();
    t.put("name", name);
    t.put("datatype", type);
    t.putArray("shape").add(size);
    return t.putArray("data");
  }
}
