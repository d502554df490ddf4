package org.detecta.registry;

import java.nio.file.Path;

/** Registries for tests. */
public final class TestRegistries {
  private TestRegistries() {
  }

  /** The embedded H2 registry of a home: its database, and its artifacts under {@code home/artifacts}. */
  public static ModelRegistry embedded(Path home) {
    return new ModelRegistry(Database.open(DatabaseConfig.embedded(home)), new ArtifactStore(home.resolve("artifacts")));
  }
}
