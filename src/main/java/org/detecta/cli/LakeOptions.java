package org.detecta.cli;

import org.detecta.config.DetectaPaths;
import picocli.CommandLine.Option;

/** Where the lake is and which Spark master works on it: the options of the commands that run Spark over the lake. */
public final class LakeOptions {
  @Option(names = "--lake", paramLabel = "DIR",
      description = "Lake location: a path, file: URI or object-store URI (default: <home>/lake)")
  String lake;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: ${DEFAULT-VALUE})")
  String master = "local[2]";

  /** {@code --lake}, else the home's {@code lake} directory. */
  String lake(DetectaPaths paths) {
    return lake != null ? lake : paths.home().resolve("lake").toString();
  }

  String master() {
    return master;
  }
}
