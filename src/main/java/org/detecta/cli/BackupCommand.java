package org.detecta.cli;

import org.detecta.registry.Database;
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
  RegistryOptions registry;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The zip to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    RegistryOptions.Storage storage = registry.storage();
    Database.open(storage.database()); // migrates, so the snapshot always has the current schema
    RegistryBackup.Summary summary = RegistryBackup.backup(storage.database(), storage.artifacts(), out);
    System.err.printf("backup %s: database + %d artifacts, %d bytes%n", summary.file(), summary.artifacts(), summary.bytes());
    return ExitCodes.OK;
  }
}
