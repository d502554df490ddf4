package org.detecta.batch;

import java.io.Serializable;
import java.util.Objects;
import org.detecta.registry.ModelRef;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;

/**
 * A registered model version as batch scoring ships it: the family name, version, the artifact's sha256 and
 * bytes (verified by the registry on read). Serializable so the Spark engine can broadcast it once.
 */
public record ScoringArtifact(String model, int version, String sha256, byte[] bytes) implements Serializable {
  public ScoringArtifact {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** Resolves {@code NAME}, {@code NAME@ALIAS} or {@code NAME:VERSION}; unknown models fail with what exists. */
  public static ScoringArtifact resolve(ModelRegistry registry, String reference) {
    ModelVersion version = registry.require(ModelRef.parse(reference));
    return new ScoringArtifact(version.name(), version.version(), version.artifactSha256(), registry.artifact(version));
  }
}
