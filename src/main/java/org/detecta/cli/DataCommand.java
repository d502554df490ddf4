package org.detecta.cli;

import picocli.CommandLine.Command;

/** {@code detecta data}: download and check the public data sets the readers use. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Download (fetch) and check (validate) the data directory.",
    subcommands = {DataFetchCommand.class, DataValidateCommand.class})
public final class DataCommand extends CommandGroup {
}
