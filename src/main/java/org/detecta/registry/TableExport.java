package org.detecta.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * The registry tables as one JSON document, for databases without H2's {@code SCRIPT} (PostgreSQL): exported in
 * one read-only repeatable-read transaction (a consistent snapshot), imported into a freshly migrated, empty
 * schema in one transaction. Tables are listed parents first so foreign keys hold while importing.
 */
final class TableExport {
  static final List<String> TABLES = List.of("training_run", "model_version", "model_alias", "model_tag", "audit_log",
      "run_round", "run_log");
  private static final ObjectMapper JSON = new ObjectMapper();

  private TableExport() {
  }

  static ObjectNode export(Connection c) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setReadOnly(true);
    ObjectNode root = JSON.createObjectNode();
    try (Statement s = c.createStatement()) {
      for (String table : TABLES) {
        ArrayNode rows = root.putArray(table);
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            ObjectNode row = rows.addObject();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
              Object value = isTimestamp(meta.getColumnType(i)) ? rs.getTimestamp(i) : rs.getObject(i);
              if (value == null) {
                row.putNull(column);
              } else if (value instanceof Timestamp t) {
                row.put(column, t.toInstant().toString());
              } else {
                row.set(column, JSON.valueToTree(value instanceof String str ? str : value));
              }
            }
          }
        }
      }
      c.commit();
    }
    return root;
  }

  static void importInto(Connection c, JsonNode root) throws SQLException {
    c.setAutoCommit(false);
    try {
      if (!isEmpty(c)) {
        throw new ConflictException("Refusing to restore: the registry database is not empty; restore into an empty"
            + " database");
      }
      for (String table : TABLES) {
        java.util.Map<String, Integer> types = typesOf(c, table);
        for (JsonNode row : root.path(table)) {
          List<String> columns = new java.util.ArrayList<>();
          row.fieldNames().forEachRemaining(columns::add);
          String sql = "INSERT INTO " + table + "(" + String.join(", ", columns) + ") VALUES ("
              + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
          try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
              Integer type = types.get(columns.get(i));
              if (type == null) {
                throw new IllegalArgumentException("The backup has a column " + table + "." + columns.get(i)
                    + " this schema does not know; restore with the Detecta version that wrote it");
              }
              set(insert, i + 1, row.get(columns.get(i)), type);
            }
            insert.executeUpdate();
          }
        }
      }
      if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT MAX(id) FROM audit_log), 0) + 1, false)");
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  static boolean isEmpty(Connection c) throws SQLException {
    for (String table : TABLES) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static java.util.Map<String, Integer> typesOf(Connection c, String table) throws SQLException {
    java.util.Map<String, Integer> types = new java.util.HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        types.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), meta.getColumnType(i));
      }
    }
    return types;
  }

  private static void set(PreparedStatement s, int index, JsonNode value, int type) throws SQLException {
    if (value == null || value.isNull()) {
      s.setNull(index, type == Types.OTHER ? Types.VARCHAR : type);
    } else if (isTimestamp(type)) {
      s.setTimestamp(index, Timestamp.from(Instant.parse(value.asText())));
    } else if (type == Types.BIGINT) {
      s.setLong(index, value.asLong());
    } else if (type == Types.INTEGER || type == Types.SMALLINT) {
      s.setInt(index, value.asInt());
    } else if (type == Types.BOOLEAN || type == Types.BIT) {
      s.setBoolean(index, value.asBoolean());
    } else if (type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL) {
      s.setDouble(index, value.asDouble());
    } else {
      s.setString(index, value.asText());
    }
  }

  private static boolean isTimestamp(int type) {
    return type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
  }
}
