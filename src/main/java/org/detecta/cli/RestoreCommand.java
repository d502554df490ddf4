package org.detecta.cli;

import org.detecta.registry.Database;
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
  RegistryOptions registry;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The zip written by detecta backup")
  Path from;

  @Override
  public Integer call() throws Exception {
    RegistryOptions.Storage storage = registry.storage();
    RegistryBackup.Summary summary = RegistryBackup.restore(from, storage.database(), storage.artifacts());
    Database.open(storage.database()); // applies migrations newer than the backup
    System.err.printf("restored %s into %s: database + %d artifacts%n", summary.file(), storage.home(), summary.artifacts());
    return ExitCodes.OK;
  }
}
