package org.detecta.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detecta.Detecta;
import org.detecta.cases.CaseReaders;
import org.detecta.cases.PatientCase;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Query;
import org.detecta.rank.RarePhenotypeFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code detecta bench}: performance measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Performance benchmarks.",
    subcommands = {BenchCommand.Rank.class, BenchExtractCommand.class, InterviewBench.class})
public final class BenchCommand extends CommandGroup {

  /** {@code detecta bench rank}: KB and model load, heap, single-case ranking latency after warm-up. */
  @Command(name = "rank", mixinStandardHelpOptions = true,
      description = "KB load time, model load time, heap after load, single-threaded ranking latency (median, p99).")
  public static final class Rank implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--cases", paramLabel = "PATH", description = "Cases to rank (default: the data directory's phenopackets)")
    Path cases;

    @Option(names = "--model", paramLabel = "REF", description = "Model reference (default: ${DEFAULT-VALUE})")
    String model = RarePhenotypeFamily.NAME;

    @Mixin
    JsonOutput output;

    @Option(names = "--top", description = "Candidates per differential (default: ${DEFAULT-VALUE})")
    int top = 10;

    @Override
    public Integer call() throws Exception {
      Detecta detecta = common.detecta();
      long t0 = System.nanoTime();
      detecta.knowledgeBase().get();
      double kbMs = (System.nanoTime() - t0) / 1e6;
      long t1 = System.nanoTime();
      ModelLoader.Loaded loaded = ModelLoader.load(detecta, model);
      double modelMs = (System.nanoTime() - t1) / 1e6;
      System.gc();
      Runtime rt = Runtime.getRuntime();
      double heapMb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
      Path source = cases != null ? cases : detecta.paths().data().resolve("phenopackets");
      List<PatientCase> patients = CaseReaders.forPath(source).read(source).cases();
      if (patients.isEmpty()) {
        throw new IllegalArgumentException("No cases in " + source);
      }
      DiagnosticModel m = loaded.model();
      int warmup = Math.min(2000, patients.size() * 2);
      for (int i = 0; i < warmup; i++) {
        m.diagnose(Query.of(patients.get(i % patients.size())), top);
      }
      int n = Math.min(3000, patients.size());
      double[] ms = new double[n];
      for (int i = 0; i < n; i++) {
        Query q = Query.of(patients.get(i));
        long s = System.nanoTime();
        m.diagnose(q, top);
        ms[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(ms);
      double median = ms[n / 2];
      double p99 = ms[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)];
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("model", loaded.version().ref());
      line.put("cases", n);
      line.put("median_ms", median);
      line.put("p99_ms", p99);
      line.put("kb_load_ms", kbMs);
      line.put("model_load_ms", modelMs);
      line.put("heap_mb", heapMb);
      output.print(() -> line, () -> System.out.printf(
          "%s: KB load %.0f ms, model load %.0f ms, heap %.0f MB; ranking %d cases (top %d): median %.2f ms, p99 %.2f ms%n",
          loaded.version().ref(), kbMs, modelMs, heapMb, n, top, median, p99));
      return ExitCodes.OK;
    }
  }
}
