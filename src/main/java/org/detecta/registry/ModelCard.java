package org.detecta.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown model card of a version, generated on demand from what the registry recorded (so it can
 * never disagree with the metadata): intended use, data with sha256 and release, metrics per split, the
 * gate result, signature size, limitations, date, code version and run.
 */
public final class ModelCard {
  private ModelCard() {
  }

  public static String render(ModelVersion v, Optional<TrainingRun> run) {
    JsonNode m = v.metadata();
    StringBuilder out = new StringBuilder();
    out.append("# Model card: ").append(v.ref());
    if (!v.aliases().isEmpty()) {
      out.append(" (@").append(String.join(", @", v.aliases())).append(')');
    }
    out.append("\n\n");
    out.append("- Created: ").append(v.createdAt()).append('\n');
    out.append("- Code version: ").append(v.codeVersion()).append('\n');
    out.append("- Training run: ").append(v.runId() == null ? "unknown" : v.runId());
    run.ifPresent(r -> out.append(" (seed ").append(r.seed()).append(", status ").append(r.displayStatus()).append(')'));
    out.append('\n');
    out.append("- Artifact: sha256 ").append(v.artifactSha256()).append(", ").append(v.artifactBytes()).append(" bytes\n");
    v.tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(t -> out.append("- Tag ").append(t.getKey()).append(": ").append(t.getValue()).append('\n'));

    out.append("\n## Intended use\n\n");
    out.append("Decision support for clinicians: a ranked, calibrated differential diagnosis from observed and excluded "
        + "findings, to be read by a qualified professional alongside the full clinical picture. Not a diagnosis, not "
        + "for use without clinical oversight, not for emergency triage.\n");

    out.append("\n## Training data\n\n| file | sha256 | bytes | release |\n|---|---|---|---|\n");
    for (JsonNode f : m.path("data")) {
      out.append("| ").append(f.path("path").asText()).append(" | ").append(f.path("sha256").asText()).append(" | ")
          .append(f.path("bytes").asLong()).append(" | ").append(f.path("release").asText("")).append(" |\n");
    }

    out.append("\n## Metrics\n\n| split | metric | value |\n|---|---|---|\n");
    for (Iterator<Map.Entry<String, JsonNode>> splits = m.path("metrics").fields(); splits.hasNext(); ) {
      Map.Entry<String, JsonNode> split = splits.next();
      for (Iterator<Map.Entry<String, JsonNode>> metrics = split.getValue().fields(); metrics.hasNext(); ) {
        Map.Entry<String, JsonNode> metric = metrics.next();
        out.append("| ").append(split.getKey()).append(" | ").append(metric.getKey()).append(" | ")
            .append(String.format(java.util.Locale.ROOT, "%.4f", metric.getValue().asDouble())).append(" |\n");
      }
    }

    out.append("\n## Release gate\n\n").append(m.path("gate").path("passed").asBoolean() ? "Passed." : "NOT passed.");
    for (JsonNode reason : m.path("gate").path("reasons")) {
      out.append("\n- ").append(reason.asText());
    }
    out.append('\n');

    out.append("\n## Signature\n\n").append(m.path("signature").path("inputs").size()).append(" accepted inputs, ")
        .append(m.path("signature").path("outputs").size()).append(" output classes.\n");

    out.append("\n## Parameters\n\n");
    for (Iterator<Map.Entry<String, JsonNode>> p = m.path("parameters").fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> e = p.next();
      out.append("- ").append(e.getKey()).append(": ").append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue())
          .append('\n');
    }

    out.append("\n## Limitations\n\n");
    out.append("- Only the diseases among the output classes can be suggested; anything else is invisible to the model.\n");
    out.append("- Metrics hold for data like the training data above; other populations, languages or coding "
        + "practices may do worse.\n");
    out.append("- Probabilities are calibrated on the validation split only; recheck after any data change.\n");
    return out.toString();
  }
}
