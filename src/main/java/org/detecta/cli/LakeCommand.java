package org.detecta.cli;

import picocli.CommandLine.Command;

/** {@code detecta lake}: the data lake (ingest) and synthetic patients for scale tests (synth). */
@Command(name = "lake", mixinStandardHelpOptions = true, description = "Data lake: ingest sources, synthesise patients.",
    subcommands = {LakeSynthCommand.class, LakeIngestCommand.class})
public final class LakeCommand extends CommandGroup {
}
