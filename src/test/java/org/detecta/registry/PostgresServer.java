package org.detecta.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: Debian's binaries ({@code apt-get install -y postgresql}),
 * {@code initdb} + {@code pg_ctl} into a temporary directory, listening on a free loopback port only. As root
 * (CI) the server runs as the {@code postgres} system user via {@code runuser}, since PostgreSQL refuses root.
 * Missing binaries fail the test with the install command; they are never silently skipped.
 */
public final class PostgresServer implements AutoCloseable {
  static final Path BIN = Path.of(System.getProperty("detecta.pg.bin", "/usr/lib/postgresql/15/bin"));
  private static final String OS_USER = "postgres";
  private final Path dir;
  private final int port;
  private final boolean asRoot;
  private int databases;

  private PostgresServer(Path dir, int port, boolean asRoot) {
    this.dir = dir;
    this.port = port;
    this.asRoot = asRoot;
  }

  public static PostgresServer start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
      throw new IllegalStateException("PostgreSQL server binaries not found in " + BIN
          + "; install them with: apt-get update && apt-get install -y postgresql (or set -Ddetecta.pg.bin=DIR)");
    }
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("detecta-pg-");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PostgresServer server = new PostgresServer(dir, port, asRoot);
    if (asRoot) {
      server.exec(List.of("chown", OS_USER + ":", dir.toString()), false);
    }
    server.exec(List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "detecta",
        "--auth=trust", "-E", "UTF8", "--no-sync"), true);
    server.resume();
    return server;
  }

  /** Starts the server (again) on its port, e.g. after {@link #halt} in a fault test. */
  public void resume() throws IOException, InterruptedException {
    exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50", "start"), true);
  }

  /** Stops the server (fast shutdown: open connections are cut) and keeps its data for {@link #resume}. */
  public void halt() throws IOException, InterruptedException {
    exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"), true);
  }

  /** A new empty database on this server. */
  public DatabaseConfig newDatabase() throws SQLException {
    String name = "registry_" + (++databases);
    try (Connection c = DriverManager.getConnection(url("postgres"), "detecta", "");
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new DatabaseConfig(url(name), "detecta", "");
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      execQuietly(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
          "stop"), true);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private void execQuietly(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
    try {
      exec(command, asPostgres);
    } catch (IllegalStateException alreadyStopped) {
      // closing a halted server: nothing to stop
    }
  }

  private void exec(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres && asRoot) {
      full.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
      throw new IllegalStateException("PostgreSQL command failed: " + String.join(" ", full) + "\n" + output + log);
    }
  }
}
