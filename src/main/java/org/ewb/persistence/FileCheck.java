package org.ewb.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Decides whether a file is a project this build can open, without changing a byte of it: first
 * from the 100-byte SQLite header (magic, page size, size, application id, schema version), then
 * through a read-only connection ({@code PRAGMA quick_check}, the {@code meta} table). Only a file
 * that passes is ever opened for writing. See ADR 0010.
 */
final class FileCheck {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** What the header says. */
  record Header(int pageSize, long pageCount, int userVersion, int applicationId) {}

  private FileCheck() {}

  static WorkbenchException fail(String key, Object... args) {
    return new WorkbenchException(WorkbenchException.Kind.FILE, Localization.lang(key, args));
  }

  /** Checks the header; throws a {@code FILE} exception naming the problem. */
  static Header checkHeader(Path file) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw fail("persist.notAFile", name);
    }
    long size;
    byte[] h = new byte[100];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      size = Files.size(file);
      read = in.readNBytes(h, 0, h.length);
    } catch (NoSuchFileException e) {
      throw fail("persist.notFound", name);
    } catch (IOException e) {
      throw fail("persist.unreadable", name, String.valueOf(e.getMessage()));
    }
    if (size == 0) {
      throw fail("persist.empty", name);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (i >= read || h[i] != MAGIC[i]) {
        throw fail("persist.notSqlite", name);
      }
    }
    if (read < 100) {
      throw fail("persist.truncated", name, Long.toString(size), "100");
    }
    ByteBuffer b = ByteBuffer.wrap(h); // big-endian, as the SQLite file format
    int pageSize = Short.toUnsignedInt(b.getShort(16));
    if (pageSize == 1) {
      pageSize = 65536;
    }
    if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
      throw fail("persist.corrupt", name, "page size " + pageSize);
    }
    long changeCounter = Integer.toUnsignedLong(b.getInt(24));
    long pageCount = Integer.toUnsignedLong(b.getInt(28));
    long validFor = Integer.toUnsignedLong(b.getInt(92));
    // The in-header page count is only trustworthy when "version-valid-for" equals the change
    // counter (files written by SQLite >= 3.7.0); otherwise fall back to the file size.
    if (validFor != changeCounter || pageCount == 0) {
      pageCount = size / pageSize;
    }
    long expected = pageCount * pageSize;
    if (size < expected || size % pageSize != 0) {
      throw fail("persist.truncated", name, Long.toString(size), Long.toString(expected));
    }
    int userVersion = b.getInt(60);
    int applicationId = b.getInt(68);
    return new Header(pageSize, pageCount, userVersion, applicationId);
  }

  /**
   * Checks what the header says about the project (when no write-ahead log could hold a newer
   * header), then opens read-only and runs {@code quick_check} and reads {@code meta}. Returns the
   * file's schema version.
   */
  static int checkContents(Path file, Header h, boolean quickCheck) {
    String name = file.toString();
    boolean wal = Files.exists(walOf(file));
    if (!wal) {
      checkIdentity(name, h.applicationId(), h.userVersion());
    }
    try (Connection c = openReadOnly(file);
        Statement st = c.createStatement()) {
      int appId = intPragma(st, "application_id");
      int version = intPragma(st, "user_version");
      checkIdentity(name, appId, version);
      if (quickCheck) {
        try (ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
          String result = rs.next() ? rs.getString(1) : "no result";
          if (!"ok".equals(result)) {
            throw fail("persist.corrupt", name, result);
          }
        }
      }
      String format = null;
      try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'format'")) {
        if (rs.next()) {
          format = rs.getString(1);
        }
      } catch (SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains("no such table")) {
          throw fail("persist.notProject", name);
        }
        throw e;
      }
      if (!Schema.FORMAT.equals(format)) {
        throw fail("persist.notProject", name);
      }
      return version;
    } catch (SQLException e) {
      throw SqliteProjectStore.fileError(name, e);
    }
  }

  private static void checkIdentity(String name, int appId, int version) {
    if (appId != Schema.APPLICATION_ID) {
      throw fail("persist.notProject", name);
    }
    if (version > Schema.CURRENT_VERSION) {
      throw fail(
          "persist.newer",
          name,
          Integer.toString(version),
          Integer.toString(Schema.CURRENT_VERSION));
    }
    if (version < 1) {
      throw fail("persist.notProject", name);
    }
  }

  private static int intPragma(Statement st, String pragma) throws SQLException {
    try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  static Path walOf(Path file) {
    return file.resolveSibling(file.getFileName() + "-wal");
  }

  static Path shmOf(Path file) {
    return file.resolveSibling(file.getFileName() + "-shm");
  }

  /**
   * A read-only connection that leaves no trace. Without a write-ahead log next to the file, the
   * file is opened {@code immutable}: SQLite then takes no locks and creates no {@code -wal} /
   * {@code -shm} files (a read-only connection to a WAL-mode file otherwise would). With a log
   * present (the project is open elsewhere, or a session crashed) it must be read through the log.
   */
  static Connection openReadOnly(Path file) throws SQLException {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(true);
    cfg.setOpenMode(SQLiteOpenMode.OPEN_URI);
    Properties p = cfg.toProperties();
    String uri = file.toAbsolutePath().toUri().toString();
    String params = Files.exists(walOf(file)) ? "?mode=ro" : "?mode=ro&immutable=1";
    return DriverManager.getConnection("jdbc:sqlite:" + uri + params, p);
  }
}
