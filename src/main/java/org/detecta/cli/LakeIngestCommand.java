package org.detecta.cli;

import java.util.concurrent.Callable;
import org.detecta.Detecta;
import org.detecta.batch.Extensions;
import org.detecta.lake.LakeIngestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code detecta lake ingest}: raw, clean and features zones of the lake (Spark module, Apache Iceberg). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingest the data directory into the lake (raw files + manifest, clean Iceberg tables); one JSON line.")
public final class LakeIngestCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--lake", paramLabel = "DIR", description = "Lake location: a path, file: URI or object-store URI (default: <home>/lake)")
  String lake;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: ${DEFAULT-VALUE})")
  String master = "local[2]";

  @Override
  public Integer call() throws Exception {
    LakeIngestor ingestor = Extensions.require(LakeIngestor.class, i -> true, "lake ingest");
    Detecta detecta = common.detecta();
    String where = lake != null ? lake : detecta.paths().home().resolve("lake").toString();
    JsonOutput.printLine(ingestor.ingest(detecta.paths(), where, master));
    return ExitCodes.OK;
  }
}
