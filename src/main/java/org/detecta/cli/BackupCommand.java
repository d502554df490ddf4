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

/** {@code detecta backup --out FILE}: a consistent snapshot of the registry database plus the artifacts, in one zip. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Write the registry (database snapshot + artifacts) of the home to one zip file.")
public final class BackupCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The zip to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path home = common.detecta().paths().home();
    DatabaseConfig config = DatabaseConfig.resolve(home, org.detecta.config.Environment.current());
    Database.open(config); // migrates, so the snapshot always has the current schema
    RegistryBackup.Summary summary = RegistryBackup.backup(config, new ArtifactStore(home.resolve("artifacts")), out);
    System.err.printf("backup %s: database + %d artifacts, %d bytes%n", summary.file(), summary.artifacts(), summary.bytes());
    return ExitCodes.OK;
  }
}
