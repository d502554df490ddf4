package org.detecta.cli;

import org.detecta.config.Environment;
import org.detecta.registry.ArtifactStore;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.ModelRegistry;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/** The options of every command that works on the model registry of a home, and the one way those commands reach it. */
public final class RegistryOptions {
  @Mixin
  CommonOptions common;

  /** Where the registry of a home is stored: its database and its artifact store. */
  record Storage(Path home, DatabaseConfig database, ArtifactStore artifacts) {
  }

  /** The registry of the home, opened (and migrated). */
  ModelRegistry open() {
    return common.detecta().registry();
  }

  /** The registry's storage, unopened: for commands that copy it whole (backup, restore). */
  Storage storage() {
    Path home = common.detecta().paths().home();
    return new Storage(home, DatabaseConfig.resolve(home, Environment.current()), new ArtifactStore(home.resolve("artifacts")));
  }
}
