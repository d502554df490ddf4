package org.detecta.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings every command reads: the process environment over the optional config file named by
 * {@code DETECTA_CONFIG} ({@code KEY=value} lines, {@code #} comments; the same {@code DETECTA_*} keys as the
 * environment, documented in one table in the README). The environment wins over the file.
 */
public final class Environment {
  public static final String CONFIG_FILE = "DETECTA_CONFIG";

  private Environment() {
  }

  /** {@link System#getenv()} over the config file, if one is named. */
  public static Map<String, String> current() {
    return withConfigFile(System.getenv());
  }

  public static Map<String, String> withConfigFile(Map<String, String> env) {
    String file = env.get(CONFIG_FILE);
    if (file == null || file.isBlank()) {
      return env;
    }
    Map<String, String> merged = new HashMap<>(parse(Path.of(file.strip())));
    merged.putAll(env);
    return Map.copyOf(merged);
  }

  /** Reads a config file; a malformed line or a key that is not a DETECTA_* variable is an error naming the line. */
  public static Map<String, String> parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the config file " + file + " named by " + CONFIG_FILE, e);
    }
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq).strip();
      if (eq < 0 || !key.matches("DETECTA_[A-Z0-9_]+") || CONFIG_FILE.equals(key)) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected DETECTA_...=value, found '"
            + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "'");
      }
      out.put(key, unquote(line.substring(eq + 1).strip()));
    }
    return out;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
