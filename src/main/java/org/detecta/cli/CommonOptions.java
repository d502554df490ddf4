package org.detecta.cli;

import org.detecta.Detecta;
import org.detecta.config.DetectaPaths;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Options every command shares: where the data and the home are, and how much to log. */
public final class CommonOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Data directory (default: $DETECTA_DATA, else ../shared/data next to the repository, else ~/.detecta/data)")
  Path data;

  @Option(names = "--home", paramLabel = "DIR",
      description = "Home for models, database and logs (default: $DETECTA_HOME, else ~/.detecta)")
  Path home;

  @Option(names = {"-v", "--verbose"}, description = "More logging (-v, -vv); stack traces on failure")
  boolean[] verbose = new boolean[0];

  public DetectaPaths paths() {
    return DetectaPaths.resolve(Optional.ofNullable(data), Optional.ofNullable(home));
  }

  public Detecta detecta() {
    Logging.configure(verbose.length);
    return new Detecta(paths());
  }

  public int verbosity() {
    return verbose.length;
  }
}
