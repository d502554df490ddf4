package org.detecta.cli;

import org.detecta.config.BuildStamp;
import picocli.CommandLine;

/** Version and git commit of this build for {@code --version} and the registry (see {@link BuildStamp}). */
public final class BuildInfo implements CommandLine.IVersionProvider {
  public static String version() {
    return BuildStamp.version();
  }

  /** The git commit the jar was built from, or the {@code detecta.commit} system property, or "unknown". */
  public static String commit() {
    return BuildStamp.commit();
  }

  /** True when the jar was built from a tree with uncommitted changes to tracked files. */
  public static boolean dirty() {
    return BuildStamp.dirty();
  }

  /** What the registry records as a model's code version: the commit, suffixed "-dirty" when it was. */
  public static String codeVersion() {
    return BuildStamp.codeVersion();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"detecta " + version() + " (commit " + codeVersion() + ")"};
  }
}
