package org.detecta.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.pipeline.TrainedModel;

import java.util.LinkedHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model registry: versions with their metadata in the database, artifacts in the
 * content-addressed {@link ArtifactStore}, aliases such as {@code @champion}, and an audit log of
 * every change. A version row is inserted in one transaction after its artifact is safely on disk, so a
 * crash never leaves a visible version without its bytes.
 *
 * <p>API for callers (CLI, HTTP server): read with {@link #list()}, {@link #find(ModelRef)} /
 * {@link #require(ModelRef)} (the latter's message names what exists), {@link #artifact(ModelVersion)} (verified
 * bytes, else {@link CorruptArtifactException}), {@link #card(ModelRef)}, {@link #audit(int)}, {@link #runs()};
 * change with {@link #registerAndPromote} (training), {@link #setAlias} and {@link #delete} (operators). Every
 * change writes an audit entry in the same transaction. Storage failures surface as
 * {@link StorageUnavailableException}; unknown references as {@link NotFoundException}; operations refused by the
 * current state as {@link ConflictException}; malformed input as {@link IllegalArgumentException}.
 */
public final class ModelRegistry {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database database;
  private final ArtifactStore artifacts;
  private final RunStore runs;

  public ModelRegistry(Database database, ArtifactStore artifacts) {
    this.database = database;
    this.artifacts = artifacts;
    this.runs = new RunStore(database);
  }

  /** The training runs stored beside the versions (each version's {@code runId} points into it). */
  public RunStore runs() {
    return runs;
  }

  /** The Markdown model card of the version {@code ref} resolves to. */
  public String card(ModelRef ref) {
    ModelVersion version = require(ref);
    return ModelCard.render(version, version.runId() == null ? Optional.empty() : runs.find(version.runId()));
  }

  public Database database() {
    return database;
  }

  public ArtifactStore artifacts() {
    return artifacts;
  }

  /** The outcome of {@link #registerAndPromote}: the new version and the alias decision taken with it. */
  public record Registration(ModelVersion version, ChampionPolicy.Decision decision) {
  }

  /** Stores the artifact, then registers it as the next version of its model, without moving any alias. */
  public ModelVersion register(TrainedModel model, String runId, String codeVersion, String actor) {
    return registerInternal(model, runId, codeVersion, actor, Map.of(), null).version();
  }

  /**
   * Stores the artifact, then in ONE transaction: inserts the next version with its tags, moves
   * {@code @champion} to it or points {@code @challenger} at it as {@code policy} decides against the champion
   * seen inside that transaction, and writes the audit entries (the champion move names from, to and why).
   * A process killed at any point leaves either all of this or none of it; at worst an unreferenced blob.
   */
  public Registration registerAndPromote(TrainedModel model, String runId, String codeVersion, String actor,
                                         Map<String, String> tags, ChampionPolicy policy) {
    return registerInternal(model, runId, codeVersion, actor, tags, java.util.Objects.requireNonNull(policy, "policy"));
  }

  private Registration registerInternal(TrainedModel model, String runId, String codeVersion, String actor,
                                        Map<String, String> tags, ChampionPolicy policy) {
    ModelRef.parse(model.name());
    tags.forEach(ModelRegistry::checkTag);
    String sha;
    try {
      sha = artifacts.put(model.artifact());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the artifact of " + model.name() + ": " + e.getMessage(), e);
    }
    ObjectNode metadata = metadataOf(model);
    Instant attempted = null;
    for (int attempt = 0; ; attempt++) {
      try (Connection c = database.connection()) {
        c.setAutoCommit(false);
        try {
          int version = VersionRows.nextVersion(c, model.name());
          Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as the databases store it
          attempted = now;
          try (PreparedStatement insert = c.prepareStatement("INSERT INTO model_version(name, version, artifact_sha256,"
              + " artifact_bytes, created_at, run_id, code_version, metadata_json) VALUES (?,?,?,?,?,?,?,?)")) {
            insert.setString(1, model.name());
            insert.setInt(2, version);
            insert.setString(3, sha);
            insert.setLong(4, model.artifact().length);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setString(6, runId);
            insert.setString(7, codeVersion);
            insert.setString(8, metadata.toString());
            insert.executeUpdate();
          }
          for (Map.Entry<String, String> tag : new java.util.TreeMap<>(tags).entrySet()) {
            try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO model_tag(name, version, tag_key, tag_value) VALUES (?,?,?,?)")) {
              insert.setString(1, model.name());
              insert.setInt(2, version);
              insert.setString(3, tag.getKey());
              insert.setString(4, tag.getValue());
              insert.executeUpdate();
            }
          }
          AuditLog.write(c, actor, "register", model.name() + ":" + version, "artifact " + sha + ", run " + runId
              + ", code " + codeVersion + (tags.isEmpty() ? "" : ", tags " + new java.util.TreeMap<>(tags)));
          ChampionPolicy.Decision decision = null;
          if (policy != null) {
            // Compare as stored: a re-parsed tree, so numbers have the same node types as the champion's.
            ModelVersion candidate = new ModelVersion(model.name(), version, sha, model.artifact().length, now, runId,
                codeVersion, VersionRows.parse(metadata.toString()), List.of(), tags);
            Optional<Integer> championVersion = VersionRows.aliasTarget(c, model.name(), ModelRef.CHAMPION);
            Optional<ModelVersion> champion = championVersion.isEmpty() ? Optional.empty()
                : VersionRows.query(c, "WHERE v.name = ? AND v.version = ?", model.name(), championVersion.get()).stream().findFirst();
            decision = policy.decide(candidate, champion);
            moveAlias(c, model.name(), decision.alias(), version, actor, decision.reason());
          }
          c.commit();
          return new Registration(require(ModelRef.parse(model.name() + ":" + version)), decision);
        } catch (SQLException e) {
          c.rollback();
          // Two trainings may pick the same next version (or both claim an empty @champion); the primary key
          // refuses one transaction, which then retries on the new state.
          if (attempt < 20 && isConstraintViolation(e)) {
            sleepQuietly(5L + (long) (Math.random() * 20 * (attempt + 1)));
            continue;
          }
          throw e;
        }
      } catch (SQLException e) {
        // The connection broke (e.g. the process hosting H2's automatic server exited): the transaction either
        // committed before the break or not at all. Committed: return that version, never register it twice.
        if (attempt < 20 && isConnectionLost(e)) {
          Optional<Registration> committed = committedAttempt(model, runId, sha, attempted, policy);
          if (committed.isPresent()) {
            return committed.get();
          }
          continue;
        }
        throw new StorageUnavailableException("Cannot register " + model.name() + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The version an attempt stored, found by what that attempt wrote (name, run, artifact, timestamp), if it committed.
   * Asked until the database answers (a few seconds), so an unknown outcome is never registered a second time.
   */
  private Optional<Registration> committedAttempt(TrainedModel model, String runId, String sha, Instant attempted,
                                                  ChampionPolicy policy) {
    if (attempted == null) {
      return Optional.empty();
    }
    for (int ask = 0; ; ask++) {
      sleepQuietly(20L + (long) (Math.random() * 50 * (ask + 1)));
      try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement("SELECT version FROM model_version"
          + " WHERE name = ? AND run_id = ? AND artifact_sha256 = ? AND created_at = ?")) {
        s.setString(1, model.name());
        s.setString(2, runId);
        s.setString(3, sha);
        s.setTimestamp(4, Timestamp.from(attempted));
        try (java.sql.ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          ModelVersion stored = require(ModelRef.parse(model.name() + ":" + rs.getInt(1)));
          ChampionPolicy.Decision decision = policy == null ? null : new ChampionPolicy.Decision(
              stored.aliases().contains(ModelRef.CHAMPION) ? ModelRef.CHAMPION : ChampionPolicy.CHALLENGER,
              "committed before the connection to the registry broke");
          return Optional.of(new Registration(stored, decision));
        }
      } catch (SQLException e) {
        if (ask >= 20) {
          throw new StorageUnavailableException("Cannot register " + model.name() + ": the connection broke and the"
              + " registry cannot be asked whether the registration committed: " + e.getMessage(), e);
        }
      }
    }
  }

  private static boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    return e instanceof java.sql.SQLNonTransientConnectionException || e instanceof java.sql.SQLTransientConnectionException
        || (state != null && state.startsWith("08"));
  }

  /** Points {@code alias} of {@code name} at {@code version}; the move is audited with the previous target. */
  public void setAlias(String name, int version, String alias, String actor) {
    setAlias(name, version, alias, actor, "set by " + actor);
  }

  /** As {@link #setAlias(String, int, String, String)}, with the reason written into the audit log. */
  public void setAlias(String name, int version, String alias, String actor, String reason) {
    checkAlias(alias);
    require(ModelRef.parse(name + ":" + version));
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        moveAlias(c, name, alias, version, actor, reason);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot set alias " + name + "@" + alias + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes a version and its tags; its artifact blob stays (other versions may share it) and the audit log
   * keeps its history. An aliased version is refused: move the alias first.
   */
  public void delete(String name, int version, String actor) {
    ModelVersion target = require(ModelRef.parse(name + ":" + version));
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        List<String> aliases = VersionRows.aliases(c, name, version);
        if (!aliases.isEmpty()) {
          throw new ConflictException("Refusing to delete " + target.ref() + ": it is @"
              + String.join(", @", aliases) + "; point the alias at another version first (./detecta models alias "
              + name + " VERSION " + aliases.get(0) + ")");
        }
        for (String table : List.of("model_tag", "model_version")) {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE name = ? AND version = ?")) {
            s.setString(1, name);
            s.setInt(2, version);
            s.executeUpdate();
          }
        }
        AuditLog.write(c, actor, "delete", target.ref(), "artifact " + target.artifactSha256() + " kept in the store");
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot delete " + target.ref() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes artifact blobs that no version references and that are older than {@code grace} (a training stores
   * its blob before the transaction that registers it, so a young orphan may be about to be referenced).
   * Returns the deleted hashes; with {@code dryRun} deletes nothing. Audited unless nothing was deleted.
   */
  public List<String> collectGarbage(java.time.Duration grace, boolean dryRun, String actor) {
    try {
      java.util.Set<String> referenced = new java.util.HashSet<>();
      list().forEach(v -> referenced.add(v.artifactSha256()));
      Instant cutoff = Instant.now().minus(grace);
      List<String> orphans = artifacts.list().entrySet().stream()
          .filter(e -> !referenced.contains(e.getKey()) && e.getValue().isBefore(cutoff)).map(Map.Entry::getKey).toList();
      if (dryRun || orphans.isEmpty()) {
        return orphans;
      }
      for (String sha : orphans) {
        artifacts.delete(sha);
      }
      try (Connection c = database.connection()) {
        AuditLog.write(c, actor, "gc", "artifacts", "deleted " + orphans.size() + " unreferenced blobs older than "
            + grace + ": " + String.join(", ", orphans));
      }
      return orphans;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot collect unreferenced artifacts in " + artifacts.root() + ": "
          + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot audit the artifact collection: " + e.getMessage(), e);
    }
  }

  /** The audit log, newest first, at most {@code limit} entries. */
  public List<AuditEntry> audit(int limit) {
    return AuditLog.read(database, limit);
  }

  private static void moveAlias(Connection c, String name, String alias, int version, String actor, String reason)
      throws SQLException {
    Optional<Integer> previous = VersionRows.aliasTarget(c, name, alias);
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM model_alias WHERE name = ? AND alias = ?")) {
      delete.setString(1, name);
      delete.setString(2, alias);
      delete.executeUpdate();
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO model_alias(name, alias, version, updated_at) VALUES (?,?,?,?)")) {
      insert.setString(1, name);
      insert.setString(2, alias);
      insert.setInt(3, version);
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
    AuditLog.write(c, actor, "alias", name + "@" + alias, previous.map(p -> "moved from " + name + ":" + p + " to " + name + ":"
        + version).orElse("set to " + name + ":" + version + " (no previous version)") + ": " + reason);
  }

  private static void checkAlias(String alias) {
    if (alias == null || !alias.matches("[A-Za-z][A-Za-z0-9_-]{0,49}")) {
      throw new IllegalArgumentException("'" + alias + "' is not a valid alias: letters, digits, '-' and '_', starting with a letter");
    }
  }

  private static void checkTag(String key, String value) {
    if (key == null || key.isBlank() || key.length() > 100 || value == null || value.length() > 1000) {
      throw new IllegalArgumentException("Invalid tag '" + key + "'='" + value
          + "': keys are 1-100 characters, values at most 1000");
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Optional<ModelVersion> find(ModelRef ref) {
    try (Connection c = database.connection()) {
      Optional<Integer> version = ref.version().isPresent() ? ref.version()
          : VersionRows.aliasTarget(c, ref.name(), ref.alias().orElse(ModelRef.CHAMPION));
      if (version.isEmpty()) {
        return Optional.empty();
      }
      List<ModelVersion> found = VersionRows.query(c, "WHERE v.name = ? AND v.version = ?", ref.name(), version.get());
      return found.stream().findFirst();
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot read the registry: " + e.getMessage(), e);
    }
  }

  /** Like {@link #find} but fails with a message saying what exists instead. */
  public ModelVersion require(ModelRef ref) {
    return find(ref).orElseThrow(() -> {
      List<ModelVersion> all = list();
      List<String> versions = all.stream().filter(v -> v.name().equals(ref.name()))
          .map(v -> v.ref() + (v.aliases().isEmpty() ? "" : " @" + String.join(" @", v.aliases()))).toList();
      List<String> models = all.stream().map(ModelVersion::name).distinct().toList();
      return new NotFoundException("No model version " + ref + " in the registry; "
          + (versions.isEmpty() ? "no versions of '" + ref.name() + "' exist (models in the registry: "
              + (models.isEmpty() ? "none" : String.join(", ", models)) + "; run ./detecta train --model " + ref.name() + ")"
          : "available: " + String.join(", ", versions)));
    });
  }

  /** Every version of every model, newest first within each name. */
  public List<ModelVersion> list() {
    try (Connection c = database.connection()) {
      return VersionRows.query(c, "");
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot read the registry: " + e.getMessage(), e);
    }
  }

  /** Which version each model's {@code alias} points at: one cheap query, for servers polling for alias moves. */
  public Map<String, Integer> aliasTargets(String alias) {
    Map<String, Integer> targets = new LinkedHashMap<>();
    try (Connection c = database.connection()) {
      SqlRows.forEach(c, "SELECT name, version FROM model_alias WHERE alias = ? ORDER BY name",
          rs -> targets.put(rs.getString(1), rs.getInt(2)), alias);
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot read the registry: " + e.getMessage(), e);
    }
    return targets;
  }

  /** The artifact bytes of a version, verified against the recorded sha256. */
  public byte[] artifact(ModelVersion version) {
    try {
      return artifacts.get(version.artifactSha256());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read artifact of " + version.ref() + ": " + e.getMessage(), e);
    }
  }

  private static boolean isConstraintViolation(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("23");
  }

  private static ObjectNode metadataOf(TrainedModel model) {
    ObjectNode node = JSON.createObjectNode();
    // The drift reference (monitor.DriftReference) is data, not a hyper-parameter: metadata.reference.
    Map<String, Object> parameters = new java.util.LinkedHashMap<>(model.parameters());
    Object reference = parameters.remove(TrainedModel.DRIFT_REFERENCE);
    node.set("parameters", JSON.valueToTree(parameters));
    if (reference != null) {
      node.set(TrainedModel.DRIFT_REFERENCE, JSON.valueToTree(reference));
    }
    node.set("metrics", JSON.valueToTree(model.metrics()));
    node.set("data", JSON.valueToTree(model.data()));
    ObjectNode signature = node.putObject("signature");
    signature.set("inputs", JSON.valueToTree(model.inputs()));
    signature.set("outputs", JSON.valueToTree(model.outputs()));
    ObjectNode gate = node.putObject("gate");
    gate.put("passed", model.gatePassed());
    gate.set("reasons", JSON.valueToTree(model.gateReasons()));
    return node;
  }
}
