package org.detecta.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.detecta.Detecta;
import org.detecta.batch.BatchEngine;
import org.detecta.batch.BatchFormats;
import org.detecta.batch.BatchJob;
import org.detecta.batch.BatchSummary;
import org.detecta.batch.Extensions;
import org.detecta.batch.LocalBatchEngine;
import org.detecta.batch.OutputDir;
import org.detecta.batch.ScoringArtifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code detecta batch}: score every patient of a file, directory or lake table with one registered model. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = "Score many patients with a registered model (local streaming engine or Apache Spark); one JSON line.")
public final class BatchCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--model", required = true, paramLabel = "REF", description = "NAME, NAME@ALIAS or NAME:VERSION")
  String model;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "Lake table, Parquet, DDXPlus patient CSV, cases TSV or phenopacket directory")
  String input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must not exist or be empty)")
  String out;

  @Option(names = "--format", paramLabel = "parquet|csv", description = "Output format (default: ${DEFAULT-VALUE})")
  String format = "parquet";

  @Option(names = "--top", description = "Candidates per patient (default: ${DEFAULT-VALUE})")
  int top = 10;

  @Option(names = "--engine", paramLabel = "local|spark", description = "Engine (default: ${DEFAULT-VALUE})")
  String engine = LocalBatchEngine.NAME;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[2], spark://HOST:PORT, k8s://... (default: ${DEFAULT-VALUE})")
  String master = "local[2]";

  @Option(names = "--flag-threshold", paramLabel = "P",
      description = "Flag a patient when a rare disease's probability reaches P (default: ${DEFAULT-VALUE})")
  double flagThreshold = 0.5;

  @Option(names = "--threads", description = "Local engine scoring threads (default: all cores)")
  int threads = 0;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, was " + top);
    }
    if (!(flagThreshold > 0 && flagThreshold <= 1)) {
      throw new IllegalArgumentException("--flag-threshold must be in (0,1], was " + flagThreshold);
    }
    BatchEngine chosen = switch (engine) {
      case LocalBatchEngine.NAME -> new LocalBatchEngine();
      case "spark" -> Extensions.require(BatchEngine.class, e -> e.name().equals("spark"), "--engine spark");
      default -> throw new IllegalArgumentException("--engine must be local or spark, was '" + engine + "'");
    };
    if (chosen instanceof LocalBatchEngine) {
      BatchFormats.require(format);
    } else if (!format.equals("csv") && !format.equals("parquet")) {
      throw new IllegalArgumentException("--format must be parquet or csv, was '" + format + "'");
    }
    if (!out.contains("://")) {
      OutputDir.requireAbsentOrEmpty(Path.of(out));
    }
    Detecta detecta = common.detecta();
    ScoringArtifact artifact = ScoringArtifact.resolve(detecta.registry(), model);
    BatchJob job = new BatchJob(artifact, input, out, format, top, flagThreshold, master,
        detecta.paths().data().toString(), threads);
    BatchSummary summary = chosen.run(job);
    JsonOutput.printLine(summary);
    return ExitCodes.OK;
  }
}
