package org.detecta.cli;

import org.detecta.Detecta;
import org.detecta.monitor.DriftThresholds;
import org.detecta.monitor.MonitorReport;
import org.detecta.monitor.MonitorService;
import org.detecta.monitor.PredictionLog;
import org.detecta.registry.ModelRef;
import org.detecta.registry.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code detecta monitor report}: drift and live accuracy of the champions, as HTML plus one JSON line. */
@Command(name = "monitor", mixinStandardHelpOptions = true, description = "Production monitoring.",
    subcommands = {MonitorCommand.Report.class})
public final class MonitorCommand extends CommandGroup {

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Write an HTML report (inline SVG plots) of input/output drift and live accuracy; print a JSON summary.")
  static final class Report implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", paramLabel = "NAME", description = "Models to report (default: every champion)")
    List<String> models = new ArrayList<>();

    @Option(names = "--window", description = "Predictions per window (default: ${DEFAULT-VALUE})")
    int window = 1000;

    @Option(names = "--out", description = "HTML file to write (default: <home>/reports/monitor.html)")
    Path out;

    @Override
    public Integer call() throws Exception {
      if (window < 1) {
        throw new IllegalArgumentException("--window must be positive, was " + window);
      }
      Detecta detecta = common.detecta();
      DriftThresholds thresholds = DriftThresholds.fromEnv(org.detecta.config.Environment.current());
      List<String> names = models.isEmpty()
          ? new ArrayList<>(detecta.registry().aliasTargets(ModelRef.CHAMPION).keySet()) : models;
      List<MonitorService.Assessment> assessments = new ArrayList<>();
      try (PredictionLog log = new PredictionLog(detecta.registry().database().config())) {
        MonitorService monitor = new MonitorService(log, thresholds, window);
        for (String name : names) {
          ModelVersion version = detecta.registry().require(ModelRef.parse(name));
          assessments.add(monitor.assess(version));
        }
      }
      Path target = out != null ? out : detecta.paths().home().resolve("reports").resolve("monitor.html");
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.writeString(tmp, MonitorReport.html(assessments, thresholds), StandardCharsets.UTF_8);
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      List<Map<String, Object>> summary = new ArrayList<>();
      for (MonitorService.Assessment a : assessments) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("model", a.version().name());
        m.put("version", a.version().version());
        m.put("alarm", a.drift().map(d -> d.alarm()).orElse(false));
        m.put("window", a.drift().map(d -> d.window()).orElse(0));
        m.put("findingPsi", a.drift().map(d -> finite(d.findingPsi())).orElse(null));
        m.put("classPsi", a.drift().map(d -> finite(d.classPsi())).orElse(null));
        m.put("confirmed", a.accuracy().confirmed());
        m.put("top1", finite(a.accuracy().top1()));
        summary.add(m);
      }
      System.err.println("monitor report written to " + target);
      JsonOutput.printLine(Map.of("report", target.toString(), "models", summary));
      return ExitCodes.OK;
    }

    private static Double finite(double v) {
      return Double.isFinite(v) ? v : null;
    }
  }
}
