package org.detecta.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the log level from -v flags. Logs go to stderr so stdout stays clean for JSON output. */
final class Logging {
  private static volatile int level;

  private Logging() {
  }

  static void configure(int verbosity) {
    level = Math.max(level, verbosity);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger detecta = (Logger) LoggerFactory.getLogger("org.detecta");
    detecta.setLevel(level >= 1 ? Level.DEBUG : Level.INFO);
    root.setLevel(level >= 2 ? Level.DEBUG : Level.WARN);
    LogFormat.apply(root, org.detecta.config.Environment.current().get(LogFormat.VARIABLE));
  }

  static int verbosity() {
    return level;
  }
}
