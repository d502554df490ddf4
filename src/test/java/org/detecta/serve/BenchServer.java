package org.detecta.serve;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the real server with the test-only tiny model for {@code bench/http.sh tiny} (until the real models
 * merge): {@code BenchServer HOME DATA PORT}. Stops on SIGTERM.
 */
public final class BenchServer {
  private BenchServer() {
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Path tmp = home.resolveSibling("bench-data");
    java.nio.file.Files.createDirectories(tmp);
    TestServer server = new TestServer(home, Path.of(args[1]).toFile().isDirectory() ? Path.of(args[1]) : TestServer.tinyDataDir(tmp),
        Map.of(), Integer.parseInt(args[2]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
  }
}
