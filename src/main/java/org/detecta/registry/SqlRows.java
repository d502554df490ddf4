package org.detecta.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One parameterised SELECT inside the caller's connection (and so its transaction), row by row. */
final class SqlRows {
  /** What to do with the current row. */
  @FunctionalInterface
  interface Each {
    void accept(ResultSet row) throws SQLException;
  }

  /** What the current row becomes. */
  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private SqlRows() {
  }

  /** Runs {@code sql} with {@code args} bound in order and hands every row to {@code each}. */
  static void forEach(Connection c, String sql, Each each, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          each.accept(rs);
        }
      }
    }
  }

  /** Every row of {@code sql}, mapped, in the query's order. */
  static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... args) throws SQLException {
    List<T> rows = new ArrayList<>();
    forEach(c, sql, row -> rows.add(mapper.map(row)), args);
    return rows;
  }
}
