package org.detecta.cli;

import org.detecta.registry.ArtifactStore;
import org.detecta.registry.Database;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.RegistryBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code detecta restore --from FILE}: restores a {@code backup} zip into an empty home. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore a registry backup into an empty home (refuses a home that already has a registry).")
public final class RestoreCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The zip written by detecta backup")
  Path from;

  @Override
  public Integer call() throws Exception {
    Path home = common.detecta().paths().home();
    DatabaseConfig config = DatabaseConfig.resolve(home, org.detecta.config.Environment.current());
    RegistryBackup.Summary summary = RegistryBackup.restore(from, config, new ArtifactStore(home.resolve("artifacts")));
    Database.open(config); // applies migrations newer than the backup
    System.err.printf("restored %s into %s: database + %d artifacts%n", summary.file(), home, summary.artifacts());
    return ExitCodes.OK;
  }
}
