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

  /** What the header says; {@code wal} when the file is in write-ahead-log mode. */
  record Header(int pageSize, long pageCount, int userVersion, int applicationId, boolean wal) {}

  private FileCheck() {}

  static WorkbenchException fail(String key, Object... args) {
    return new WorkbenchException(WorkbenchException.Kind.FILE, Localization.lang(key, args));
  }

  /** Checks the header; throws a {@code FILE} exception naming the problem. */
  static Header checkHeader(Path file) {
    return checkHeader(file, file.toString());
  }

  /**
   * Checks the header; messages name {@code name} (the user's file when {@code file} is a copy).
   * Only regular files are read: a named pipe or a device would block or never end.
   */
  static Header checkHeader(Path file, String name) {
    if (Files.isDirectory(file)) {
      throw fail("persist.notAFile", name);
    }
    if (!Files.exists(file)) {
      throw fail("persist.notFound", name);
    }
    if (!Files.isRegularFile(file)) {
      throw fail("persist.notRegular", name);
    }
    if (!Files.isReadable(file)) {
      throw fail("persist.noPermission", name);
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
    // With a write-ahead log the log holds the newest pages and a checkpoint may be copying
    // them into the file right now: its size says nothing then.
    boolean live = Files.exists(walOf(file));
    if (!live && (size < expected || size % pageSize != 0)) {
      throw fail("persist.truncated", name, Long.toString(size), Long.toString(expected));
    }
    int userVersion = b.getInt(60);
    int applicationId = b.getInt(68);
    boolean wal = h[18] == 2 || h[19] == 2;
    return new Header(pageSize, pageCount, userVersion, applicationId, wal);
  }

  /**
   * Checks what the header says about the project (when no write-ahead log could hold a newer
   * header), then opens read-only and runs {@code quick_check} and reads {@code meta}. Returns the
   * file's schema version.
   */
  static int checkContents(Path file, Header h, boolean quickCheck) {
    try (ReadSource src = ReadSource.of(file, file.toString(), h)) {
      return checkContents(src, h, quickCheck);
    }
  }

  /** As {@link #checkContents(Path, Header, boolean)}, through an already opened read source. */
  static int checkContents(ReadSource src, Header h, boolean quickCheck) {
    return checkContents(src, h, quickCheck, false);
  }

  /**
   * As {@link #checkContents(ReadSource, Header, boolean)}; with {@code trustEarlier}, {@code
   * quick_check} is skipped for a file that passed it in exactly its present state ({@link
   * CheckedFiles}, ADR 0133), and a pass is recorded.
   */
  static int checkContents(ReadSource src, Header h, boolean quickCheck, boolean trustEarlier) {
    String name = src.name();
    String stamp = quickCheck && trustEarlier ? CheckedFiles.stamp(src.user()) : null;
    if (stamp != null && CheckedFiles.passed(src.user(), stamp)) {
      quickCheck = false;
    }
    boolean wal = Files.exists(walOf(src.user()));
    if (!wal) {
      checkIdentity(name, h.applicationId(), h.userVersion());
    }
    try (Connection c = src.connect();
        Statement st = c.createStatement()) {
      int appId = intPragma(st, "application_id");
      int version = intPragma(st, "user_version");
      checkIdentity(name, appId, version);
      if (quickCheck) {
        CheckedFiles.CHECKS_RUN.incrementAndGet();
        try (ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
          String result = rs.next() ? rs.getString(1) : "no result";
          if (!"ok".equals(result)) {
            throw fail("persist.quickCheck", name, result);
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
      if (quickCheck && stamp != null) {
        CheckedFiles.remember(src.user(), stamp);
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
   * A read-only connection that leaves no trace and takes part in SQLite's locking, so that a
   * transaction on it is one consistent snapshot while another process edits the file:
   *
   * <ul>
   *   <li>a file in rollback-journal mode (how a closed project is left) is opened {@code mode=ro}:
   *       readers take a shared lock and create no side files;
   *   <li>a file in WAL mode with its {@code -wal} and {@code -shm} present (open in the window) is
   *       read through them ({@code mode=ro});
   *   <li>a file in WAL mode without a log (copied, or checkpointed by a crashed session) is opened
   *       {@code immutable}, since a read-only WAL connection would create side files.
   * </ul>
   *
   * A {@code -wal} without a {@code -shm} (a crashed session) is read from a private copy of both
   * (see {@link ReadSource}): opening it in place would create a {@code -shm} beside a file that
   * might be refused.
   */
  static Connection openReadOnly(Path file) throws SQLException {
    return openReadOnly(file, sniffWal(file));
  }

  static Connection openReadOnly(Path file, boolean headerSaysWal) throws SQLException {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(true);
    cfg.setOpenMode(SQLiteOpenMode.OPEN_URI);
    cfg.setBusyTimeout(5000);
    Properties p = cfg.toProperties();
    String uri = file.toAbsolutePath().toUri().toString();
    boolean immutable = headerSaysWal && !Files.exists(walOf(file));
    String params = immutable ? "?mode=ro&immutable=1" : "?mode=ro";
    return DriverManager.getConnection("jdbc:sqlite:" + uri + params, p);
  }

  private static boolean sniffWal(Path file) {
    byte[] h = new byte[20];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(h, 0, h.length);
      return n == h.length && (h[18] == 2 || h[19] == 2);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Where a read-only check or snapshot reads from: the user's file itself, or a private copy of it
   * and its {@code -wal} when the log has no {@code -shm} beside it. Messages name the user's file
   * either way. Closing deletes the copy.
   */
  static final class ReadSource implements AutoCloseable {
    private final Path user;
    private final Path read;
    private final Path tmpDir;
    private final String name;
    private final boolean wal;

    private ReadSource(Path user, Path read, Path tmpDir, String name, boolean wal) {
      this.user = user;
      this.read = read;
      this.tmpDir = tmpDir;
      this.name = name;
      this.wal = wal;
    }

    static ReadSource of(Path user, String name, Header h) {
      if (Files.exists(walOf(user)) && !Files.exists(shmOf(user))) {
        try {
          Path dir = Files.createTempDirectory("ewb-read-");
          Path copy = dir.resolve("copy.ewb");
          Files.copy(user, copy);
          Files.copy(walOf(user), walOf(copy));
          return new ReadSource(user, copy, dir, name, h.wal());
        } catch (IOException e) {
          throw fail("persist.unreadable", name, String.valueOf(e.getMessage()));
        }
      }
      return new ReadSource(user, user, null, name, h.wal());
    }

    Path user() {
      return user;
    }

    String name() {
      return name;
    }

    Connection connect() throws SQLException {
      return openReadOnly(read, wal);
    }

    @Override
    public void close() {
      if (tmpDir == null) {
        return;
      }
      for (Path p : new Path[] {read, walOf(read), shmOf(read), tmpDir}) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a temporary copy left behind is harmless; the user's file is untouched
        }
      }
    }
  }
}
