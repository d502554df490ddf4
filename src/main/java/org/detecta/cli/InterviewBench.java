package org.detecta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detecta.Detecta;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.interview.DdxplusInterview;
import org.detecta.interview.InterviewSimulator;
import org.detecta.interview.InterviewState;
import org.detecta.interview.RankedQuestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code detecta bench interview}: the latency of one DDXPlus interview step as {@code POST /api/v1/interview}
 * computes it (check the answers, the differential, the gains of every allowed question), single-threaded
 * after warm-up, over the states the best policy reaches on the held-out patients after 0..10 questions.
 */
@Command(name = "interview", mixinStandardHelpOptions = true,
    description = "Latency of one DDXPlus interview step (validate answers, differential, next best question): median, p99.")
public final class InterviewBench implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--model", paramLabel = "REF", description = "The ddxplus model (default: ${DEFAULT-VALUE})")
  String model = "ddxplus";

  @Mixin
  JsonOutput output;

  @Override
  public Integer call() throws Exception {
    Detecta detecta = common.detecta();
    ModelLoader.Loaded loaded = ModelLoader.load(detecta, model);
    long seed = loaded.version().metadata().path("parameters").path("seed").asLong(42);
    long t0 = System.nanoTime();
    DdxplusInterview.Built built = DdxplusInterview.build(detecta.paths().data(), seed);
    double buildMs = (System.nanoTime() - t0) / 1e6;
    java.util.Set<String> test = new java.util.HashSet<>();
    built.test().forEach(c -> test.add(DdxplusInterview.key(c)));
    Path csv = detecta.paths().data().resolve("ddxplus/patients.csv");
    List<DdxplusPatient> rows = new DdxplusReader().readPatients(csv).patients().stream()
        .filter(p -> test.contains(DdxplusInterview.key(p.patient()))).toList();
    List<InterviewState> states = new ArrayList<>();
    for (InterviewSimulator.Patient p : DdxplusInterview.patients(built.questions(), rows)) {
      InterviewState s = p.start();
      for (int q = 0; q <= 10; q++) {
        states.add(s);
        List<RankedQuestion> next = built.interviewer().next(s, 1);
        if (next.isEmpty()) {
          break;
        }
        s = s.with(p.oracle().answer(next.get(0).question()));
      }
    }
    for (int i = 0; i < Math.min(3000, states.size() * 2); i++) {
      step(built, states.get(i % states.size()));
    }
    double[] ms = new double[states.size()];
    double[] cpu = new double[states.size()];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < ms.length; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      step(built, states.get(i));
      ms[i] = (System.nanoTime() - s) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    double median = ms[ms.length / 2];
    double p99 = ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)];
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("model", loaded.version().ref());
    line.put("steps", ms.length);
    line.put("median_ms", median);
    line.put("p99_ms", p99);
    line.put("max_ms", ms[ms.length - 1]);
    // CPU time of the benchmark thread: wall time minus time spent waiting for a core (a loaded machine)
    line.put("cpu_median_ms", cpu[cpu.length / 2]);
    line.put("cpu_p99_ms", cpu[Math.min(cpu.length - 1, (int) Math.ceil(cpu.length * 0.99) - 1)]);
    line.put("build_ms", buildMs);
    output.print(() -> line, () -> System.out.printf(
        "%s: %d interview steps, median %.3f ms, p99 %.3f ms, max %.3f ms (interviewer built in %.0f ms)%n",
        loaded.version().ref(), ms.length, median, p99, ms[ms.length - 1], buildMs));
    return ExitCodes.OK;
  }

  private static int step(DdxplusInterview.Built built, InterviewState state) {
    int problems = built.questions().problems(state.answers()).size();
    return problems + built.interviewer().differential(state, 10).size() + built.interviewer().next(state, 4).size();
  }
}
