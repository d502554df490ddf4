package org.detecta.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One registered model version. {@code metadata} holds parameters, metrics per split, the data
 * fingerprint, the signature and the release-gate result as written at registration.
 */
public record ModelVersion(String name, int version, String artifactSha256, long artifactBytes, Instant createdAt,
                           String runId, String codeVersion, JsonNode metadata, List<String> aliases,
                           Map<String, String> tags) {
  public ModelVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(artifactSha256, "artifactSha256");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(metadata, "metadata");
    aliases = List.copyOf(aliases);
    tags = Map.copyOf(tags);
  }

  public String ref() {
    return name + ":" + version;
  }

  /** A metric from the metadata ({@code split} = validation, test or cv), NaN when absent. */
  public double metric(String split, String metric) {
    JsonNode value = metadata.path("metrics").path(split).path(metric);
    return value.isNumber() ? value.asDouble() : Double.NaN;
  }
}
