package org.detecta.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code detecta data}: download and check the public data sets the readers use. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Download (fetch) and check (validate) the data directory.",
    subcommands = {DataFetchCommand.class, DataValidateCommand.class})
public final class DataCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
