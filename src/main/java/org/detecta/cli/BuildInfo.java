package org.detecta.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and git commit of this build, from {@code detecta-build.properties} written by Maven. */
public final class BuildInfo implements CommandLine.IVersionProvider {
  private static final Properties PROPERTIES = load();

  public static String version() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  /** The git commit the jar was built from, or the {@code detecta.commit} system property, or "unknown". */
  public static String commit() {
    String fromBuild = PROPERTIES.getProperty("commit", "");
    if (!fromBuild.isBlank() && !fromBuild.startsWith("${")) {
      return fromBuild;
    }
    return System.getProperty("detecta.commit", "unknown");
  }

  /** True when the jar was built from a tree with uncommitted changes to tracked files. */
  public static boolean dirty() {
    return "true".equals(PROPERTIES.getProperty("dirty"));
  }

  /** What the registry records as a model's code version: the commit, suffixed "-dirty" when it was. */
  public static String codeVersion() {
    return commit() + (dirty() ? "-dirty" : "");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"detecta " + version() + " (commit " + codeVersion() + ")"};
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/detecta-build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException ignored) {
      // A missing build file only means the version reads "unknown".
    }
    return properties;
  }
}
