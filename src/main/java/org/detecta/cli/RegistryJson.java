package org.detecta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.registry.AuditEntry;
import org.detecta.registry.ModelVersion;
import org.detecta.registry.TrainingRun;

import java.util.List;

/** The JSON shapes of registry objects printed by {@code models}/{@code runs} commands (one line each). */
final class RegistryJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private RegistryJson() {
  }

  static ObjectNode version(ModelVersion v) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", v.name());
    node.put("version", v.version());
    node.put("ref", v.ref());
    node.set("aliases", JSON.valueToTree(v.aliases()));
    node.set("tags", JSON.valueToTree(new java.util.TreeMap<>(v.tags())));
    node.put("artifactSha256", v.artifactSha256());
    node.put("artifactBytes", v.artifactBytes());
    node.put("createdAt", v.createdAt().toString());
    node.put("runId", v.runId());
    node.put("codeVersion", v.codeVersion());
    node.set("metadata", v.metadata());
    return node;
  }

  static ObjectNode run(TrainingRun r, boolean details) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", r.id());
    node.put("status", r.displayStatus());
    node.put("startedAt", r.startedAt().toString());
    node.put("finishedAt", r.finishedAt().map(Object::toString).orElse(null));
    if (r.seconds().isPresent()) {
      node.put("seconds", r.seconds().get());
    } else {
      node.putNull("seconds");
    }
    node.set("models", JSON.valueToTree(r.models()));
    node.put("seed", r.seed());
    node.put("dataDir", r.dataDir());
    node.put("codeVersion", r.codeVersion());
    node.put("actor", r.actor());
    if (details) {
      ArrayNode rounds = node.putArray("rounds");
      for (TrainingRun.Round round : r.rounds()) {
        ObjectNode o = rounds.addObject();
        o.put("seq", round.seq());
        o.put("model", round.model());
        o.put("at", round.recordedAt().toString());
        o.put("gatePassed", round.gatePassed());
        o.put("seconds", round.seconds());
        o.set("detail", round.detail());
      }
      node.set("log", JSON.valueToTree(r.log()));
    }
    return node;
  }

  static ObjectNode audit(AuditEntry e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", e.id());
    node.put("at", e.at().toString());
    node.put("actor", e.actor());
    node.put("action", e.action());
    node.put("target", e.target());
    node.put("detail", e.detail());
    return node;
  }

  /** {@code {"key": [nodes...]}}: the shape of every listing. */
  static ObjectNode list(String key, List<ObjectNode> nodes) {
    ObjectNode node = JSON.createObjectNode();
    nodes.forEach(node.putArray(key)::add);
    return node;
  }
}
