package org.detecta.registry;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The registry's relational database: a {@link DataSource} for H2 or PostgreSQL, migrated with Flyway
 * (scripts under {@code db/migration}) when opened, so every process sees the current schema.
 */
public final class Database {
  private final DatabaseConfig config;
  private final DataSource dataSource;

  private Database(DatabaseConfig config) {
    this.config = config;
    this.dataSource = new DriverManagerDataSource(config);
  }

  /** Opens the database and applies pending migrations. */
  public static Database open(DatabaseConfig config) {
    config.embeddedDirectory().ifPresent(Database::createDirectories);
    Database database = new Database(config);
    try {
      Flyway.configure()
          .dataSource(database.dataSource)
          .locations("classpath:db/migration")
          .placeholders(java.util.Map.of("text", config.isPostgres() ? "TEXT" : "CLOB",
              // short JSON kept in the row: H2 stores CLOBs apart (a copy per insert), VARCHAR goes up to 1,000,000 chars
              "json", config.isPostgres() ? "TEXT" : "CHARACTER VARYING"))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StorageUnavailableException("Cannot open or migrate the registry database "
          + config.describe() + ": " + rootMessage(e), e);
    }
    return database;
  }

  /**
   * Creates the embedded database's directory before H2 does: two processes opening a new home at once (a server and
   * a training run) made H2's own mkdir fail in one of them ("a file with this name already exists", RegistryCrashIT).
   */
  private static void createDirectories(java.nio.file.Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new StorageUnavailableException("Cannot create the registry directory " + dir + ": " + e.getMessage(), e);
    }
  }

  public DatabaseConfig config() {
    return config;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** A plain DataSource over DriverManager; connections are short-lived and closed by callers. */
  private record DriverManagerDataSource(DatabaseConfig config) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      for (int attempt = 1; ; attempt++) {
        try {
          return DriverManager.getConnection(config.url(), config.user(), config.password());
        } catch (SQLException e) {
          // H2 AUTO_SERVER: when two processes open the file at the same moment (or one was just killed),
          // the loser sees "Lock file recently modified" / "already in use" for a moment; wait and retry.
          if (config.isPostgres() || attempt >= 20 || !isTransientH2OpenFailure(e)) {
            throw e;
          }
          try {
            Thread.sleep(100L * attempt);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
          }
        }
      }
    }

    /**
     * 8000 / 90020 / 90135: the file is locked or being opened by another process. 90067 ("Connection is broken:
     * Connection refused") when opening: the lock file names the AUTO_SERVER port of a process that has not started
     * listening yet or has just exited (seen in CI with two processes starting at once); the next attempt connects
     * or takes the file over.
     */
    private static boolean isTransientH2OpenFailure(SQLException e) {
      return e.getErrorCode() == 8000 || e.getErrorCode() == 90020 || e.getErrorCode() == 90135
          || e.getErrorCode() == 90067 && rootMessage(e).contains("Connection refused");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return DriverManager.getConnection(config.url(), username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
      DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
      return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
