package org.detecta.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Training runs in the registry database: started with their parameters, then rounds and log lines are
 * appended as they happen (each in its own short transaction, so a killed run keeps what it had written),
 * finished with a status. Starting and finishing a run are audited.
 */
public final class RunStore {
  static final String HOST = hostName();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LINE = 4000;
  private final Database database;

  public RunStore(Database database) {
    this.database = database;
  }

  /** Parameters a run is started with. */
  public record Start(List<String> models, long seed, String dataDir, String codeVersion, String actor) {
  }

  /** Records a new run with status {@code running} and returns its id. */
  public String start(Start start) {
    String id = UUID.randomUUID().toString();
    write("start run", c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO training_run(id, started_at, status, models, seed,"
          + " data_dir, code_version, actor, pid, host) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
        s.setString(1, id);
        s.setTimestamp(2, Timestamp.from(Instant.now()));
        s.setString(3, TrainingRun.RUNNING);
        s.setString(4, truncate(String.join(",", start.models()), 500));
        s.setLong(5, start.seed());
        s.setString(6, start.dataDir());
        s.setString(7, start.codeVersion());
        s.setString(8, start.actor());
        s.setLong(9, ProcessHandle.current().pid());
        s.setString(10, HOST);
        s.executeUpdate();
      }
      AuditLog.write(c, start.actor(), "run-start", "run " + id,
          "models " + start.models() + ", seed " + start.seed() + ", data " + start.dataDir()
              + ", code " + start.codeVersion());
    });
    return id;
  }

  /** Appends one progress line. */
  public void log(String runId, String line) {
    write("log", c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO run_log(run_id, seq, at, line)"
          + " SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ? FROM run_log WHERE run_id = ?")) {
        s.setString(1, runId);
        s.setTimestamp(2, Timestamp.from(Instant.now()));
        s.setString(3, truncate(line, MAX_LINE));
        s.setString(4, runId);
        s.executeUpdate();
      }
    });
  }

  /** Records one release-gate round: {@code detail} carries metrics, gate reasons and parameters. */
  public void round(String runId, String model, boolean gatePassed, double seconds, JsonNode detail) {
    write("record a round", c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO run_round(run_id, seq, model, recorded_at,"
          + " gate_passed, seconds, detail_json) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ? FROM run_round"
          + " WHERE run_id = ?")) {
        s.setString(1, runId);
        s.setString(2, model);
        s.setTimestamp(3, Timestamp.from(Instant.now()));
        s.setBoolean(4, gatePassed);
        s.setDouble(5, seconds);
        s.setString(6, detail.toString());
        s.setString(7, runId);
        s.executeUpdate();
      }
    });
  }

  /** Sets the final status of a run. */
  public void finish(String runId, String status, String actor) {
    if (!TrainingRun.STATUSES.contains(status) || TrainingRun.RUNNING.equals(status)) {
      throw new IllegalArgumentException("'" + status + "' is not a final run status; use one of "
          + TrainingRun.STATUSES.subList(1, TrainingRun.STATUSES.size()));
    }
    write("finish run", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE training_run SET status = ?, finished_at = ? WHERE id = ?")) {
        s.setString(1, status);
        s.setTimestamp(2, Timestamp.from(Instant.now()));
        s.setString(3, runId);
        if (s.executeUpdate() != 1) {
          throw new NotFoundException("No training run " + runId);
        }
      }
      AuditLog.write(c, actor, "run-finish", "run " + runId, "status " + status);
    });
  }

  /** Every run, newest first, without rounds and log lines. */
  public List<TrainingRun> list() {
    try (Connection c = database.connection()) {
      return query(c, "", false);
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot read the training runs: " + e.getMessage(), e);
    }
  }

  /** One run with its rounds and log lines. */
  public Optional<TrainingRun> find(String id) {
    try (Connection c = database.connection()) {
      return query(c, "WHERE id = ?", true, id).stream().findFirst();
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot read training run " + id + ": " + e.getMessage(), e);
    }
  }

  public TrainingRun require(String id) {
    return find(id).orElseThrow(() -> {
      List<String> recent = list().stream().limit(5).map(TrainingRun::id).toList();
      return new NotFoundException("No training run '" + id + "'; "
          + (recent.isEmpty() ? "no runs recorded yet" : "most recent: " + String.join(", ", recent)));
    });
  }

  private List<TrainingRun> query(Connection c, String where, boolean details, Object... args) throws SQLException {
    return SqlRows.list(c, "SELECT id, started_at, finished_at, status, models, seed, data_dir, code_version, actor,"
        + " pid, host FROM training_run " + where + " ORDER BY started_at DESC, id", rs -> {
      String id = rs.getString(1);
      Timestamp finished = rs.getTimestamp(3);
      String models = rs.getString(5);
      return new TrainingRun(id, rs.getTimestamp(2).toInstant(),
          Optional.ofNullable(finished).map(Timestamp::toInstant), rs.getString(4),
          models == null || models.isEmpty() ? List.of() : Arrays.asList(models.split(",")),
          rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getString(11),
          details ? rounds(c, id) : List.of(), details ? log(c, id) : List.of());
    }, args);
  }

  private static List<TrainingRun.Round> rounds(Connection c, String id) throws SQLException {
    return SqlRows.list(c, "SELECT seq, model, recorded_at, gate_passed, seconds, detail_json FROM run_round"
        + " WHERE run_id = ? ORDER BY seq", rs -> new TrainingRun.Round(rs.getInt(1), rs.getString(2),
        rs.getTimestamp(3).toInstant(), rs.getBoolean(4), rs.getDouble(5), parse(rs.getString(6))), id);
  }

  private static List<String> log(Connection c, String id) throws SQLException {
    return SqlRows.list(c, "SELECT line FROM run_log WHERE run_id = ? ORDER BY seq", rs -> rs.getString(1), id);
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  /** One short transaction; appends by one process are serial, so the MAX(seq)+1 numbering cannot collide. */
  private void write(String what, Work work) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupted run detail in the registry: " + e.getMessage(), e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
