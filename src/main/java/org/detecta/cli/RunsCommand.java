package org.detecta.cli;

import org.detecta.registry.ModelRegistry;
import org.detecta.registry.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;

/** {@code detecta runs list|show ID}: the recorded training runs. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Recorded training runs.",
    subcommands = {RunsCommand.ListCmd.class, RunsCommand.Show.class})
public final class RunsCommand extends CommandGroup {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every run, newest first.")
  static final class ListCmd extends RegistryCommand {
    @Mixin
    JsonOutput output;

    @Override
    void run(ModelRegistry r) {
      List<TrainingRun> runs = r.runs().list();
      output.print(() -> RegistryJson.list("runs", runs.stream().map(run -> RegistryJson.run(run, false)).toList()),
          () -> printTable(runs));
    }

    private static void printTable(List<TrainingRun> runs) {
      System.out.printf("%-36s %-12s %-25s %8s %s%n", "RUN", "STATUS", "STARTED", "SECONDS", "MODELS");
      for (TrainingRun r : runs) {
        System.out.printf(Locale.ROOT, "%-36s %-12s %-25s %8s %s%n", r.id(), r.displayStatus(), r.startedAt(),
            r.seconds().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse("-"), String.join(",", r.models()));
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One run: parameters, rounds, log.")
  static final class Show extends RegistryCommand {
    @Parameters(paramLabel = "ID")
    String id;
    @Mixin
    JsonOutput output;

    @Override
    void run(ModelRegistry r) {
      TrainingRun run = r.runs().require(id);
      output.print(() -> RegistryJson.run(run, true), () -> print(run));
    }

    private static void print(TrainingRun r) {
      System.out.println("run " + r.id() + "  " + r.displayStatus());
      System.out.println("  started  " + r.startedAt() + r.finishedAt().map(f -> ", finished " + f).orElse(""));
      System.out.println("  models   " + String.join(", ", r.models()) + "  seed " + r.seed());
      System.out.println("  data     " + r.dataDir());
      System.out.println("  code     " + r.codeVersion() + "  by " + r.actor() + " (pid " + r.pid() + " on " + r.host() + ")");
      for (TrainingRun.Round round : r.rounds()) {
        System.out.printf(Locale.ROOT, "  round %d %s gate %s in %.1f s: %s%n", round.seq(), round.model(),
            round.gatePassed() ? "passed" : "NOT met", round.seconds(), round.detail().path("metrics"));
      }
      System.out.println("  log:");
      r.log().forEach(line -> System.out.println("    " + line));
    }
  }
}
