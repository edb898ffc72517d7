package org.ewb.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every typed text reads back identically; numbers other tools can use are stored as numbers. */
class CellCodecTest {

  private static Connection conn;

  @BeforeAll
  static void open() throws Exception {
    conn = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (v)");
    }
  }

  @AfterAll
  static void close() throws Exception {
    conn.close();
  }

  @ParameterizedTest(name = "\"{0}\" is stored as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "15                      | integer",
        "0                       | integer",
        "-5                      | integer",
        "9223372036854775807     | integer",
        "9007199254740993        | integer",
        "12.5                    | real",
        "0.001                   | real",
        "-3.75                   | real",
        "12.0                    | real",
        "1.0E-5                  | real",
        "1.7976931348623157E308  | real",
        "-0.0                    | text",
        "-0                      | text",
        "007                     | text",
        "+5                      | text",
        "8.60                    | text",
        "1e3                     | text",
        "1E5                     | text",
        ".5                      | text",
        "5.                      | text",
        "12,5                    | text",
        "12,5a                   | text",
        "NaN                     | text",
        "Infinity                | text",
        "0x1F                    | text",
        "12d                     | text",
        "99999999999999999999    | text",
        "<0.001                  | text",
        "n/a                     | text",
        "十二                    | text",
      })
  void readsBackExactlyAsTyped(String text, String storedAs) throws Exception {
    try (Statement st = conn.createStatement()) {
      st.execute("DELETE FROM t");
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
      CellCodec.bind(ps, 1, text);
      ps.executeUpdate();
    }
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT v, typeof(v) FROM t")) {
      rs.next();
      assertEquals(text, CellCodec.read(rs, 1));
      assertEquals(storedAs, rs.getString(2));
    }
  }

  @ParameterizedTest
  @CsvSource({"''"})
  void emptyIsNull(String text) throws Exception {
    try (Statement st = conn.createStatement()) {
      st.execute("DELETE FROM t");
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
      CellCodec.bind(ps, 1, text);
      ps.executeUpdate();
    }
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT v, typeof(v) FROM t")) {
      rs.next();
      assertEquals("", CellCodec.read(rs, 1));
      assertEquals("null", rs.getString(2));
    }
  }
}
