package org.ewb.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers, per user, which project files passed {@code PRAGMA quick_check} and in exactly what
 * state (ADR 0133): device, inode, size, modification and status-change time of the file and of its
 * {@code -wal}. A read of a file whose state is unchanged since it passed skips the check, which
 * reads every page (0.45 s on the 5,000-study project). Any write to the file or its log, a file
 * moved or copied over it, or a restored backup changes the state (the status-change time cannot be
 * set by a program) and the file is checked again.
 *
 * <p>Only where the file system reports the {@code unix} attributes (Linux, macOS); elsewhere every
 * read checks. The records are a convenience: failing to read or write one only means checking
 * again. Records live in {@code ewb.cacheDir} if set (tests), else {@code
 * $XDG_CACHE_HOME/evidence-workbench/checked} or {@code ~/.cache/evidence-workbench/checked}
 * (Windows: {@code %LOCALAPPDATA%}).
 */
final class CheckedFiles {

  private static final Logger LOG = LoggerFactory.getLogger(CheckedFiles.class);
  private static final String ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime";

  /** How many {@code quick_check}s this process ran (tests). */
  static final AtomicInteger CHECKS_RUN = new AtomicInteger();

  private CheckedFiles() {}

  /**
   * The state of a project file and its log, or null where it cannot be told (no {@code unix}
   * attributes, an unreadable file): such a file is always checked.
   */
  static String stamp(Path file) {
    try {
      return part(file, true) + " | " + part(FileCheck.walOf(file), false);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Device, inode, size, modification time and, with {@code ctime}, status-change time. The log's
   * status-change time is left out: SQLite sets the log's owner and mode each time it opens it,
   * which changes that time and nothing else.
   */
  private static String part(Path p, boolean ctime) throws IOException {
    if (!Files.exists(p)) {
      return "-";
    }
    Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES);
    return a.get("dev")
        + " "
        + a.get("ino")
        + " "
        + a.get("size")
        + " "
        + nanos(a.get("lastModifiedTime"))
        + (ctime ? " " + nanos(a.get("ctime")) : "");
  }

  private static String nanos(Object time) {
    FileTime t = (FileTime) time;
    return t.toInstant().getEpochSecond() + "." + t.toInstant().getNano();
  }

  /** Whether {@code file} passed a check when it was in state {@code stamp} (not null). */
  static boolean passed(Path file, String stamp) {
    if (stamp == null) {
      return false;
    }
    Path record = record(file);
    try {
      return record != null
          && Files.isRegularFile(record)
          && stamp.equals(Files.readString(record, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Records that {@code file} passed a check that began in state {@code before}, if it is still in
   * that state (a write during the check leaves nothing recorded).
   */
  static void remember(Path file, String before) {
    if (before == null || !before.equals(stamp(file))) {
      return;
    }
    Path record = record(file);
    if (record == null) {
      return;
    }
    try {
      Files.createDirectories(record.getParent());
      Path tmp = Files.createTempFile(record.getParent(), "check", ".tmp");
      Files.writeString(tmp, before, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not record the check of {}: {}", file, e.getMessage());
    }
  }

  /**
   * The record of a file, named by its file name and a CRC-32 of its real path; null without a
   * folder. A name shared by two paths only costs a check: the record holds the device and inode.
   */
  private static Path record(Path file) {
    Path dir = folder();
    if (dir == null) {
      return null;
    }
    String key;
    try {
      key = file.toRealPath().toString();
    } catch (IOException e) {
      key = file.toAbsolutePath().normalize().toString();
    }
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    String name = String.valueOf(file.getFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
    return dir.resolve(
        name.substring(0, Math.min(name.length(), 60)) + "-" + Long.toHexString(crc.getValue()));
  }

  private static Path folder() {
    String set = System.getProperty("ewb.cacheDir");
    if (set != null && !set.isBlank()) {
      return Path.of(set, "checked");
    }
    String base = System.getenv("XDG_CACHE_HOME");
    if (base == null || base.isBlank()) {
      String local = System.getenv("LOCALAPPDATA");
      String home = System.getProperty("user.home");
      if (local != null && !local.isBlank()) {
        base = local;
      } else if (home != null && !home.isBlank()) {
        base = Path.of(home, ".cache").toString();
      } else {
        return null;
      }
    }
    return Path.of(base, "evidence-workbench", "checked");
  }
}
