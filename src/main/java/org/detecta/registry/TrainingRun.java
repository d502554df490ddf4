package org.detecta.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code train} invocation: its parameters, status, every gate round and the progress lines it printed.
 * A run whose process died without finishing stays {@code running} in the database; {@link #displayStatus}
 * shows it as {@code interrupted} when that process (on this host) is gone.
 */
public record TrainingRun(String id, Instant startedAt, Optional<Instant> finishedAt, String status,
                          List<String> models, long seed, String dataDir, String codeVersion, String actor,
                          long pid, String host, List<Round> rounds, List<String> log) {
  public static final String RUNNING = "running";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String GATE_FAILED = "gate-failed";
  public static final List<String> STATUSES = List.of(RUNNING, SUCCEEDED, FAILED, GATE_FAILED);

  public TrainingRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(status, "status");
    models = List.copyOf(models);
    rounds = List.copyOf(rounds);
    log = List.copyOf(log);
  }

  /** One release-gate round of one model: whether it passed, its metrics and reasons, and how long it took. */
  public record Round(int seq, String model, Instant recordedAt, boolean gatePassed, double seconds, JsonNode detail) {
    public Round {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The stored status, or {@code interrupted} for a running run whose process on this host no longer exists. */
  public String displayStatus() {
    if (RUNNING.equals(status) && RunStore.HOST.equals(host) && pid > 0
        && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
      return "interrupted";
    }
    return status;
  }

  public Optional<Double> seconds() {
    return finishedAt.map(f -> (f.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
  }
}
