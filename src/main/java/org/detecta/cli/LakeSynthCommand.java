package org.detecta.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detecta.Detecta;
import org.detecta.kb.KnowledgeBase;
import org.detecta.lake.SyntheticLake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code detecta lake synth}: clearly marked synthetic patients (DDXPlus-like and rare-disease-like). */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Write synthetic patients (marked synthetic) for scale tests; one JSON line.")
public final class LakeSynthCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--patients", required = true, description = "DDXPlus-like patients")
  long patients;

  @Option(names = "--rare-cases", description = "Rare-disease-like cases (default: patients / 50, at most 20000)")
  Long rareCases;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: <home>/lake/synthetic/n<N>-seed<S>)")
  Path out;

  @Override
  public Integer call() throws Exception {
    long rare = rareCases != null ? rareCases : Math.min(20_000, patients / 50);
    Detecta detecta = common.detecta();
    Path dir = out != null ? out
        : detecta.paths().home().resolve("lake").resolve("synthetic").resolve("n" + patients + "-seed" + seed);
    KnowledgeBase kb = rare > 0 ? detecta.knowledgeBase().get() : null;
    SyntheticLake.Result result = SyntheticLake.write(detecta.paths().data(), kb, dir, patients, rare, seed);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("synthetic", true);
    json.put("dir", result.dir().toString());
    json.put("ddxplusPatients", result.patients());
    json.put("rareCases", result.rareCases());
    json.put("seed", seed);
    json.put("seconds", result.seconds());
    JsonOutput.printLine(json);
    return ExitCodes.OK;
  }
}
