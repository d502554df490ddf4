package org.detecta.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * This build's identity from {@code detecta-build.properties} (written by Maven): version, git commit, whether the
 * tree was dirty, and when the jar was built. {@link #stamp} names exactly this build, so files a build derives for
 * itself (the knowledge-base cache) are never trusted by another release or rebuild.
 */
public final class BuildStamp {
  private static final Properties PROPERTIES = load();

  private BuildStamp() {
  }

  public static String version() {
    return value("version").orElse("unknown");
  }

  /** The git commit the jar was built from, or the {@code detecta.commit} system property, or "unknown". */
  public static String commit() {
    return value("commit").orElseGet(() -> System.getProperty("detecta.commit", "unknown"));
  }

  /** True when the jar was built from a tree with uncommitted changes to tracked files. */
  public static boolean dirty() {
    return "true".equals(PROPERTIES.getProperty("dirty"));
  }

  /** The commit, suffixed "-dirty" when it was (what the registry records as a model's code version). */
  public static String codeVersion() {
    return commit() + (dirty() ? "-dirty" : "");
  }

  /** Version, code version and build time: differs between any two builds. */
  public static String stamp() {
    return version() + " " + codeVersion() + " built " + value("built").orElse("unknown");
  }

  private static java.util.Optional<String> value(String key) {
    String raw = PROPERTIES.getProperty(key, "");
    return raw.isBlank() || raw.startsWith("${") ? java.util.Optional.empty() : java.util.Optional.of(raw);
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildStamp.class.getResourceAsStream("/detecta-build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException ignored) {
      // A missing build file only means the version reads "unknown".
    }
    return properties;
  }
}
