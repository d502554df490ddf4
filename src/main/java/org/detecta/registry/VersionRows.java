package org.detecta.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads version rows with their aliases and tags, inside the caller's connection (and so its transaction). */
final class VersionRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VersionRows() {
  }

  static List<ModelVersion> query(Connection c, String where, Object... args) throws SQLException {
    String sql = "SELECT v.name, v.version, v.artifact_sha256, v.artifact_bytes, v.created_at, v.run_id, v.code_version,"
        + " v.metadata_json FROM model_version v " + where + " ORDER BY v.name, v.version DESC";
    return SqlRows.list(c, sql, rs -> {
      String name = rs.getString(1);
      int version = rs.getInt(2);
      return new ModelVersion(name, version, rs.getString(3).trim(), rs.getLong(4),
          rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), parse(rs.getString(8)),
          aliases(c, name, version), tags(c, name, version));
    }, args);
  }

  static List<String> aliases(Connection c, String name, int version) throws SQLException {
    return SqlRows.list(c, "SELECT alias FROM model_alias WHERE name = ? AND version = ? ORDER BY alias",
        rs -> rs.getString(1), name, version);
  }

  static Map<String, String> tags(Connection c, String name, int version) throws SQLException {
    Map<String, String> tags = new LinkedHashMap<>();
    SqlRows.forEach(c, "SELECT tag_key, tag_value FROM model_tag WHERE name = ? AND version = ? ORDER BY tag_key",
        rs -> tags.put(rs.getString(1), rs.getString(2)), name, version);
    return tags;
  }

  static Optional<Integer> aliasTarget(Connection c, String name, String alias) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT version FROM model_alias WHERE name = ? AND alias = ?")) {
      s.setString(1, name);
      s.setString(2, alias);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }

  static int nextVersion(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM model_version WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupted metadata in the registry: " + e.getMessage(), e);
    }
  }
}
