package org.ewb.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Stores a cell text so that other SQLite tools see numbers, while reading back exactly the typed
 * text. A text is stored as INTEGER when {@code Long.toString} of its value gives the same text, as
 * REAL when {@code Double.toString} of its value does, otherwise as TEXT; an empty text is NULL. So
 * {@code "12"} and {@code "12.5"} become numbers, but {@code "12.50"}, {@code "1e3"} and {@code
 * "12,5a"} stay text, and every one reads back unchanged. See ADR 0011.
 */
final class CellCodec {

  private CellCodec() {}

  /** Binds {@code text} to parameter {@code index} as NULL, INTEGER, REAL or TEXT. */
  static void bind(PreparedStatement ps, int index, String text) throws SQLException {
    if (text == null || text.isEmpty()) {
      ps.setNull(index, Types.NULL);
      return;
    }
    Object v = storedValue(text);
    if (v instanceof Long l) {
      ps.setLong(index, l);
    } else if (v instanceof Double d) {
      ps.setDouble(index, d);
    } else {
      ps.setString(index, text);
    }
  }

  /** What {@link #bind} stores for a non-empty text: a Long, a Double, or the text itself. */
  static Object storedValue(String text) {
    char c = text.charAt(0);
    if (!(c == '-' || (c >= '0' && c <= '9'))) {
      return text; // fast path: "NA", "<5", "Infinity" ... (parsers accept '+', we do not
      // round-trip it)
    }
    try {
      long l = Long.parseLong(text);
      if (Long.toString(l).equals(text)) {
        return l;
      }
    } catch (NumberFormatException e) {
      // not an integer; try a decimal below
    }
    try {
      double d = Double.parseDouble(text);
      // -0.0 stays text: SQLite may store an integral REAL as an integer on disk, losing the sign
      if (Double.isFinite(d) && Double.toString(d).equals(text) && !(d == 0 && 1 / d < 0)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // not a number at all: stored as text
    }
    return text;
  }

  /** The text stored in column {@code index} ("" for NULL). */
  static String read(ResultSet rs, int index) throws SQLException {
    Object o = rs.getObject(index);
    if (o == null) {
      return "";
    }
    if (o instanceof Double d) {
      return Double.toString(d);
    }
    if (o instanceof Number n) {
      return Long.toString(n.longValue());
    }
    if (o instanceof byte[] b) {
      // a blob written by another tool: show its bytes as UTF-8 text rather than lose it
      return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
    return o.toString();
  }
}
