package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.detecta.monitor.PredictionLog;
import org.detecta.registry.ModelRef;
import org.detecta.registry.ModelRegistry;

import java.util.List;

import static org.detecta.serve.JsonBodies.MAPPER;

/** Admin operations, each behind the bearer token: reload, alias moves, erasure of a prediction, retention. */
public final class AdminController {
  private final AdminAuth auth;
  private final ModelService models;
  private final java.util.function.Supplier<ModelRegistry> registry;
  private final PredictionLog log;
  private final JsonBodies bodies;
  private final int retentionDays;

  public AdminController(AdminAuth auth, ModelService models, ModelRegistry registry, PredictionLog log,
                         JsonBodies bodies, int retentionDays) {
    this(auth, models, () -> registry, log, bodies, retentionDays);
  }

  /** With a registry that may still be opening (an alias move waits for it). */
  public AdminController(AdminAuth auth, ModelService models, java.util.function.Supplier<ModelRegistry> registry,
                         PredictionLog log, JsonBodies bodies, int retentionDays) {
    this.auth = auth;
    this.models = models;
    this.registry = registry;
    this.log = log;
    this.bodies = bodies;
    this.retentionDays = retentionDays;
  }

  public void reload(Context ctx) {
    auth.require(ctx.header("Authorization"));
    ctx.json(MAPPER.createObjectNode().set("served", MAPPER.valueToTree(models.reload())));
  }

  /** {@code PUT /api/v1/models/{name}/aliases/{alias}} with {@code {"version": N}}; moving @champion reloads. */
  public void setAlias(Context ctx) {
    auth.require(ctx.header("Authorization"));
    String name = ctx.pathParam("name");
    String alias = ctx.pathParam("alias");
    RequestFields fields = RequestFields.of(bodies.read(ctx));
    JsonNode version = fields.body().path("version");
    if (!version.isIntegralNumber() || version.asInt() < 1) {
      throw new ApiException(400, "invalid_request", "Send {\"version\": N} with the version number to point the alias at",
          List.of(new ApiException.FieldProblem("version", version.toString(), "must be a positive whole number")));
    }
    try {
      registry.get().setAlias(name, version.asInt(), alias, "api:admin");
    } catch (IllegalArgumentException e) {
      throw new ApiException(404, "not_found", e.getMessage(),
          List.of(new ApiException.FieldProblem("version", name + ":" + version.asInt() + "@" + alias, "cannot be set")));
    }
    List<String> served = ModelRef.CHAMPION.equals(alias) ? models.reload()
        : models.all().stream().map(m -> m.version().ref()).toList();
    ctx.json(MAPPER.createObjectNode().put("model", name).put("alias", alias).put("version", version.asInt())
        .set("served", MAPPER.valueToTree(served)));
  }

  public void deletePrediction(Context ctx) {
    auth.require(ctx.header("Authorization"));
    String id = ctx.pathParam("id");
    if (!log.delete(id)) {
      throw new ApiException(404, "unknown_prediction", "No logged prediction " + DiagnoseRequest.abbreviate(id),
          List.of(new ApiException.FieldProblem("id", DiagnoseRequest.abbreviate(id), "not found")));
    }
    ctx.status(204);
  }

  public void retention(Context ctx) {
    auth.require(ctx.header("Authorization"));
    int deleted = log.deleteOlderThan(retentionDays);
    ctx.json(MAPPER.createObjectNode().put("retentionDays", retentionDays).put("deleted", deleted));
  }
}
