package org.detecta.cli;

import org.detecta.registry.CorruptArtifactException;
import org.detecta.registry.StorageUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;

/** The {@code detecta} command: every subcommand, one error policy, documented exit codes. */
@Command(name = "detecta", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
    description = "Differential diagnosis for common and rare diseases.",
    subcommands = {
        TrainCommand.class,
        ModelsCommand.class,
        RunsCommand.class,
        BackupCommand.class,
        RestoreCommand.class,
        DataCommand.class,
        EvaluateCommand.class,
        PredictCommand.class,
        BenchCommand.class,
        ServeCommand.class,
        MonitorCommand.class,
        ExtractCommand.class,
        BatchCommand.class,
        LakeCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run failed (I/O, data, storage)", "2:usage error or invalid input",
        "3:release gate not met"})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handle);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One clear line on stderr; the stack trace only with -v. */
  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    int code;
    if (e instanceof IllegalArgumentException) {
      code = ExitCodes.INVALID_INPUT;
    } else if (e instanceof StorageUnavailableException || e instanceof UncheckedIOException
        || e instanceof java.io.IOException || e instanceof CorruptArtifactException) {
      code = ExitCodes.FAILED;
    } else {
      code = ExitCodes.FAILED;
    }
    cli.getErr().println("detecta: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    if (Logging.verbosity() > 0) {
      e.printStackTrace(cli.getErr());
    }
    cli.getErr().flush();
    return code;
  }
}
