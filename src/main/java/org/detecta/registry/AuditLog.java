package org.detecta.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log: entries are written inside the transaction of the change they describe, so none is lost. */
final class AuditLog {
  private AuditLog() {
  }

  static void write(Connection c, String actor, String action, String target, String detail) throws SQLException {
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

  /** Newest first, at most {@code limit} entries. */
  static List<AuditEntry> read(Database database, int limit) {
    try (Connection c = database.connection();
         PreparedStatement s = c.prepareStatement(
             "SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC")) {
      s.setMaxRows(Math.max(limit, 0));
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot read the audit log: " + e.getMessage(), e);
    }
  }
}
