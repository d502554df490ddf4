package org.detecta.cli;

import org.detecta.config.Environment;
import org.detecta.registry.ArtifactStore;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.ModelRegistry;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/** The options of every command that works on the model registry of a home, and the one way those commands open it. */
public final class RegistryOptions {
  @Mixin
  CommonOptions common;

  /** What a registry command does with the opened registry. */
  @FunctionalInterface
  interface Action {
    void run(ModelRegistry registry) throws Exception;
  }

  /** Where the registry of a home is stored: its database and its artifact store. */
  record Storage(Path home, DatabaseConfig database, ArtifactStore artifacts) {
  }

  /** Opens (and migrates) the registry of the home, runs {@code action} on it, and gives the exit code. */
  int run(Action action) throws Exception {
    action.run(common.detecta().registry());
    return ExitCodes.OK;
  }

  /** The registry's storage, unopened: for commands that copy it whole (backup, restore). */
  Storage storage() {
    Path home = common.detecta().paths().home();
    return new Storage(home, DatabaseConfig.resolve(home, Environment.current()), new ArtifactStore(home.resolve("artifacts")));
  }
}
