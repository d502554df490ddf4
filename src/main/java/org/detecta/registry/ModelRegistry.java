package org.detecta.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.pipeline.TrainedModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model registry: versions with their metadata in the database, artifacts in the
 * content-addressed {@link ArtifactStore}, aliases such as {@code @champion}, and an audit log of
 * every change. A version row is inserted in one transaction after its artifact is safely on disk, so a
 * crash never leaves a visible version without its bytes.
 */
public final class ModelRegistry {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database database;
  private final ArtifactStore artifacts;

  public ModelRegistry(Database database, ArtifactStore artifacts) {
    this.database = database;
    this.artifacts = artifacts;
  }

  public Database database() {
    return database;
  }

  public ArtifactStore artifacts() {
    return artifacts;
  }

  /** Stores the artifact, then registers it as the next version of its model. */
  public ModelVersion register(TrainedModel model, String runId, String codeVersion, String actor) {
    String sha;
    try {
      sha = artifacts.put(model.artifact());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the artifact of " + model.name() + ": " + e.getMessage(), e);
    }
    String metadata = metadataOf(model).toString();
    for (int attempt = 0; ; attempt++) {
      try (Connection c = database.connection()) {
        c.setAutoCommit(false);
        try {
          int version = nextVersion(c, model.name());
          try (PreparedStatement insert = c.prepareStatement("INSERT INTO model_version(name, version, artifact_sha256,"
              + " artifact_bytes, created_at, run_id, code_version, metadata_json) VALUES (?,?,?,?,?,?,?,?)")) {
            insert.setString(1, model.name());
            insert.setInt(2, version);
            insert.setString(3, sha);
            insert.setLong(4, model.artifact().length);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.setString(6, runId);
            insert.setString(7, codeVersion);
            insert.setString(8, metadata);
            insert.executeUpdate();
          }
          audit(c, actor, "register", model.name() + ":" + version, "artifact " + sha);
          c.commit();
          return require(ModelRef.parse(model.name() + ":" + version));
        } catch (SQLException e) {
          c.rollback();
          // Two trainings may pick the same next version; the primary key refuses one, which retries.
          if (attempt < 5 && isConstraintViolation(e)) {
            continue;
          }
          throw e;
        }
      } catch (SQLException e) {
        throw new StorageUnavailableException("Cannot register " + model.name() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Points {@code alias} of {@code name} at {@code version}; the move is audited with the previous target. */
  public void setAlias(String name, int version, String alias, String actor) {
    if (!alias.matches("[A-Za-z][A-Za-z0-9_-]{0,49}")) {
      throw new IllegalArgumentException("'" + alias + "' is not a valid alias: letters, digits, '-' and '_', starting with a letter");
    }
    require(ModelRef.parse(name + ":" + version));
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        Optional<Integer> previous = aliasTarget(c, name, alias);
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
        audit(c, actor, "alias", name + "@" + alias,
            previous.map(p -> "moved from version " + p + " to " + version).orElse("set to version " + version));
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot set alias " + name + "@" + alias + ": " + e.getMessage(), e);
    }
  }

  public Optional<ModelVersion> find(ModelRef ref) {
    try (Connection c = database.connection()) {
      Optional<Integer> version = ref.version().isPresent() ? ref.version()
          : aliasTarget(c, ref.name(), ref.alias().orElse(ModelRef.CHAMPION));
      if (version.isEmpty()) {
        return Optional.empty();
      }
      List<ModelVersion> found = query(c, "WHERE v.name = ? AND v.version = ?", ref.name(), version.get());
      return found.stream().findFirst();
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot read the registry: " + e.getMessage(), e);
    }
  }

  /** Like {@link #find} but fails with a message saying what exists instead. */
  public ModelVersion require(ModelRef ref) {
    return find(ref).orElseThrow(() -> {
      List<String> versions = list().stream().filter(v -> v.name().equals(ref.name()))
          .map(v -> v.ref() + (v.aliases().isEmpty() ? "" : " @" + String.join(" @", v.aliases()))).toList();
      return new IllegalArgumentException("No model version " + ref + " in the registry; "
          + (versions.isEmpty() ? "no versions of '" + ref.name() + "' exist (run ./detecta train --model " + ref.name() + ")"
          : "available: " + String.join(", ", versions)));
    });
  }

  /** Every version of every model, newest first within each name. */
  public List<ModelVersion> list() {
    try (Connection c = database.connection()) {
      return query(c, "");
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot read the registry: " + e.getMessage(), e);
    }
  }

  /** Which version each model's {@code alias} points at: one cheap query, for servers polling for alias moves. */
  public Map<String, Integer> aliasTargets(String alias) {
    Map<String, Integer> targets = new LinkedHashMap<>();
    try (Connection c = database.connection();
         PreparedStatement s = c.prepareStatement("SELECT name, version FROM model_alias WHERE alias = ? ORDER BY name")) {
      s.setString(1, alias);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          targets.put(rs.getString(1), rs.getInt(2));
        }
      }
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

  private List<ModelVersion> query(Connection c, String where, Object... args) throws SQLException {
    String sql = "SELECT v.name, v.version, v.artifact_sha256, v.artifact_bytes, v.created_at, v.run_id, v.code_version,"
        + " v.metadata_json FROM model_version v " + where + " ORDER BY v.name, v.version DESC";
    List<ModelVersion> result = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          int version = rs.getInt(2);
          result.add(new ModelVersion(name, version, rs.getString(3).trim(), rs.getLong(4),
              rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), parse(rs.getString(8)),
              aliases(c, name, version), tags(c, name, version)));
        }
      }
    }
    return result;
  }

  private static List<String> aliases(Connection c, String name, int version) throws SQLException {
    List<String> aliases = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT alias FROM model_alias WHERE name = ? AND version = ? ORDER BY alias")) {
      s.setString(1, name);
      s.setInt(2, version);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          aliases.add(rs.getString(1));
        }
      }
    }
    return aliases;
  }

  private static Map<String, String> tags(Connection c, String name, int version) throws SQLException {
    Map<String, String> tags = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT tag_key, tag_value FROM model_tag WHERE name = ? AND version = ? ORDER BY tag_key")) {
      s.setString(1, name);
      s.setInt(2, version);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          tags.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return tags;
  }

  private static Optional<Integer> aliasTarget(Connection c, String name, String alias) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT version FROM model_alias WHERE name = ? AND alias = ?")) {
      s.setString(1, name);
      s.setString(2, alias);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }

  private static int nextVersion(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM model_version WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static void audit(Connection c, String actor, String action, String target, String detail) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO audit_log(at, actor, action, target, detail) VALUES (?,?,?,?,?)")) {
      s.setTimestamp(1, Timestamp.from(Instant.now()));
      s.setString(2, actor);
      s.setString(3, action);
      s.setString(4, target);
      s.setString(5, detail);
      s.executeUpdate();
    }
  }

  private static boolean isConstraintViolation(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("23");
  }

  private static ObjectNode metadataOf(TrainedModel model) {
    ObjectNode node = JSON.createObjectNode();
    node.set("parameters", JSON.valueToTree(model.parameters()));
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

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupted metadata in the registry: " + e.getMessage(), e);
    }
  }
}
