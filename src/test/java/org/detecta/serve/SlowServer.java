package org.detecta.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real server whose model takes {@code DELAY_MS} per diagnosis, for the SIGTERM test: {@code SlowServer TMP PORT
 * DELAY_MS}. Stops on SIGTERM through a shutdown hook, exactly as {@code detecta serve} does.
 */
public final class SlowServer {
  private SlowServer() {
  }

  public static void main(String[] args) throws Exception {
    org.detecta.cli.LogFormat.apply((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        org.slf4j.Logger.ROOT_LOGGER_NAME), System.getenv(org.detecta.cli.LogFormat.VARIABLE));
    Path tmp = Files.createDirectories(Path.of(args[0]));
    TestServer server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of(),
        Integer.parseInt(args[1]), new TinyBayesFamily("tiny", Long.parseLong(args[2])));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      org.slf4j.LoggerFactory.getLogger(SlowServer.class).info("stopping (finishing in-flight requests)");
      server.close();
    }));
    Thread.currentThread().join();
  }
}
