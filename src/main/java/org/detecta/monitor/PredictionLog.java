package org.detecta.monitor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consented prediction log and its feedback, in the registry database (tables of migration V10).
 * Predictions are queued and written in batches by one background thread, so a diagnosis never waits
 * for the disk; {@link #flush} makes everything queued so far visible (feedback calls it first). When the
 * database is down, {@link #healthy()} turns false, queued rows are dropped (counted), and synchronous
 * writes throw {@link StorageUnavailableException} (HTTP 503).
 */
public final class PredictionLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionLog.class);
  /** Probabilities written with the fast (Schubfach) double writer: the JDK's is the log writer's main cost. */
  private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build());
  private static final int BATCH = 500;
  private static final long GATHER_MILLIS = 50;

  private final HikariDataSource pool;
  private final BlockingQueue<LoggedPrediction> queue = new ArrayBlockingQueue<>(20_000);
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean healthy = true;
  private volatile boolean closing;

  public PredictionLog(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(4);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(2_000);
    hikari.setInitializationFailTimeout(-1); // start even when the database is down; writes answer 503
    hikari.setPoolName("detecta-predictions");
    this.pool = new HikariDataSource(hikari);
    this.writer = new Thread(this::drain, "prediction-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues a prediction; false (and counted as dropped) when the queue is full or the database is down. */
  public boolean record(LoggedPrediction prediction) {
    if (!healthy || !queue.offer(prediction)) {
      dropped.incrementAndGet();
      return false;
    }
    enqueued.incrementAndGet();
    return true;
  }

  public boolean healthy() {
    return healthy;
  }

  public long droppedCount() {
    return dropped.get();
  }

  /** Waits until every prediction queued before this call is written (or dropped), at most {@code timeout}. */
  public void flush(Duration timeout) {
    long target = enqueued.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (written.get() + droppedWhileWriting.get() < target && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private final AtomicLong droppedWhileWriting = new AtomicLong();

  private void drain() {
    List<LoggedPrediction> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        LoggedPrediction first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (!healthy) {
            probe();
          }
          continue;
        }
        batch.add(first);
        collect(batch);
        insert(batch);
        healthy = true;
        written.addAndGet(batch.size());
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        if (healthy) {
          LOG.error("Prediction log unavailable, {} prediction(s) not logged: {}", batch.size(), e.getMessage());
        }
        healthy = false;
        droppedWhileWriting.addAndGet(batch.size());
        dropped.addAndGet(batch.size());
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * Gathers a batch for up to {@link #GATHER_MILLIS} after its first prediction: fewer, larger transactions (each
   * commit rewrites the index pages it touched), at the price of that much delay before a prediction is readable.
   */
  private void collect(List<LoggedPrediction> batch) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MILLIS);
    queue.drainTo(batch, BATCH - batch.size());
    while (batch.size() < BATCH && !closing) {
      long left = deadline - System.nanoTime();
      LoggedPrediction next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, BATCH - batch.size());
    }
  }

  /** While unhealthy, checks once a second whether the database is back, so logging resumes by itself. */
  private void probe() throws InterruptedException {
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1")) {
      s.executeQuery().close();
      healthy = true;
      LOG.info("Prediction log available again");
    } catch (SQLException e) {
      Thread.sleep(1_000);
    }
  }

  private void insert(List<LoggedPrediction> batch) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO prediction_log(id, created_at, model_name, model_version,"
          + " findings_json, output_json, top_id, latency_ms) VALUES (?,?,?,?,?,?,?,?)")) {
        for (LoggedPrediction p : batch) {
          s.setString(1, p.id());
          s.setTimestamp(2, Timestamp.from(p.createdAt()));
          s.setString(3, p.model());
          s.setInt(4, p.version());
          s.setString(5, JSON.writeValueAsString(Map.of("observed", p.observed(), "excluded", p.excluded())));
          s.setString(6, JSON.writeValueAsString(p.output()));
          s.setString(7, p.topId());
          s.setDouble(8, p.latencyMs());
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
      } catch (IOException e) {
        c.rollback();
        throw new SQLException("Cannot serialise a prediction: " + e.getMessage(), e);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Links a confirmed diagnosis to a logged prediction; false when no such prediction is logged. */
  public boolean addFeedback(String predictionId, String confirmedDiagnosis) {
    flush(Duration.ofSeconds(2));
    return write("record feedback", c -> {
      // One statement: the row exists only if the prediction does, and carries its model (live accuracy reads by it).
      try (PreparedStatement s = c.prepareStatement("INSERT INTO prediction_feedback(prediction_id, created_at,"
          + " confirmed_diagnosis, model_name) SELECT id, ?, ?, model_name FROM prediction_log WHERE id = ?")) {
        s.setTimestamp(1, Timestamp.from(Instant.now()));
        s.setString(2, confirmedDiagnosis);
        s.setString(3, predictionId);
        return s.executeUpdate() == 1;
      }
    });
  }

  /** Deletes a prediction and its feedback (the right to erasure); false when it does not exist. */
  public boolean delete(String predictionId) {
    flush(Duration.ofSeconds(2));
    return write("delete the prediction", c -> {
      try (PreparedStatement f = c.prepareStatement("DELETE FROM prediction_feedback WHERE prediction_id = ?");
           PreparedStatement p = c.prepareStatement("DELETE FROM prediction_log WHERE id = ?")) {
        f.setString(1, predictionId);
        f.executeUpdate();
        p.setString(1, predictionId);
        return p.executeUpdate() > 0;
      }
    });
  }

  /** Deletes predictions (and their feedback) older than {@code days}; returns how many predictions went. */
  public int deleteOlderThan(int days) {
    Timestamp cutoff = Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
    return write("apply retention", c -> {
      try (PreparedStatement f = c.prepareStatement("DELETE FROM prediction_feedback WHERE prediction_id IN"
          + " (SELECT id FROM prediction_log WHERE created_at < ?)");
           PreparedStatement p = c.prepareStatement("DELETE FROM prediction_log WHERE created_at < ?")) {
        f.setTimestamp(1, cutoff);
        f.executeUpdate();
        p.setTimestamp(1, cutoff);
        return p.executeUpdate();
      }
    });
  }

  /** The newest {@code limit} predictions of a model version, oldest first (the sliding window of monitoring). */
  public List<LoggedPrediction> recent(String model, int version, int limit) {
    return window(model, version, limit, "DESC");
  }

  /** The first {@code limit} predictions logged for a model version (the fallback drift reference). */
  public List<LoggedPrediction> first(String model, int version, int limit) {
    return window(model, version, limit, "ASC");
  }

  private List<LoggedPrediction> window(String model, int version, int limit, String order) {
    return write("read the prediction log", c -> {
      List<LoggedPrediction> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT id, created_at, model_name, model_version, findings_json,"
          + " output_json, latency_ms FROM prediction_log WHERE model_name = ? AND model_version = ?"
          + " ORDER BY model_name " + order + ", model_version " + order + ", created_at " + order + ", id " + order
          + " FETCH FIRST ? ROWS ONLY")) { // every index column: the window is read from prediction_log_window in order
        s.setString(1, model);
        s.setInt(2, version);
        s.setInt(3, limit);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
      }
      if (order.equals("DESC")) {
        java.util.Collections.reverse(out);
      }
      return out;
    });
  }

  /** From the feedback table's (model, time) index, each prediction by its key: never a walk over all predictions. */
  static final String FEEDBACK_OF_MODEL = "SELECT p.output_json, f.confirmed_diagnosis FROM prediction_feedback f"
      + " JOIN prediction_log p ON p.id = f.prediction_id WHERE f.model_name = ? ORDER BY f.created_at DESC FETCH FIRST ? ROWS ONLY";

  /** Confirmed diagnoses of a model's predictions: prediction id → confirmed id (latest feedback wins). */
  public List<Feedback> feedback(String model, int limit) {
    return write("read feedback", c -> {
      List<Feedback> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(FEEDBACK_OF_MODEL)) {
        s.setString(1, model);
        s.setInt(2, limit);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new Feedback(JSON.readValue(rs.getString(1), RANKED), rs.getString(2)));
          }
        }
      } catch (IOException e) {
        throw new SQLException("Corrupted prediction output: " + e.getMessage(), e);
      }
      return out;
    });
  }

  /** A prediction's output and the diagnosis a clinician confirmed for it. */
  public record Feedback(List<LoggedPrediction.Ranked> output, String confirmed) {
  }

  private static final TypeReference<List<LoggedPrediction.Ranked>> RANKED = new TypeReference<>() {
  };
  private static final TypeReference<Map<String, List<String>>> FINDINGS = new TypeReference<>() {
  };

  private static LoggedPrediction read(ResultSet rs) throws SQLException {
    try {
      Map<String, List<String>> findings = JSON.readValue(rs.getString(5), FINDINGS);
      return new LoggedPrediction(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4),
          findings.getOrDefault("observed", List.of()), findings.getOrDefault("excluded", List.of()),
          JSON.readValue(rs.getString(6), RANKED), rs.getDouble(7));
    } catch (IOException e) {
      throw new SQLException("Corrupted prediction log row " + rs.getString(1) + ": " + e.getMessage(), e);
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T write(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      T result = work.run(c);
      healthy = true;
      return result;
    } catch (SQLException e) {
      healthy = false;
      throw new StorageUnavailableException("Cannot " + what + ": the database is unavailable", e);
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.close();
  }
}
