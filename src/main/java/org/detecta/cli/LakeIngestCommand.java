package org.detecta.cli;

import java.util.concurrent.Callable;
import org.detecta.Detecta;
import org.detecta.batch.Extensions;
import org.detecta.lake.LakeIngestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code detecta lake ingest}: raw, clean and features zones of the lake (Spark module, Apache Iceberg). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingest the data directory into the lake (raw files + manifest, clean Iceberg tables); one JSON line.")
public final class LakeIngestCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Mixin
  LakeOptions lake;

  @Override
  public Integer call() throws Exception {
    LakeIngestor ingestor = Extensions.require(LakeIngestor.class, i -> true, "lake ingest");
    Detecta detecta = common.detecta();
    JsonOutput.printLine(ingestor.ingest(detecta.paths(), lake.lake(detecta.paths()), lake.master()));
    return ExitCodes.OK;
  }
}
