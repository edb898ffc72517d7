package org.ewb.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import java.util.function.Consumer;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files that are not projects, are damaged or are too new are refused with a message naming the
 * file and the reason, and are left byte-identical with no side files ({@code -wal}, {@code -shm}).
 */
class FileRefusalTest {

  @TempDir Path dir;

  static byte[] sha256(Path f) throws IOException, NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
  }

  /** A closed, valid project with enough rows to span many pages. */
  Path project(String name) {
    Path f = dir.resolve(name);
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      SqliteProjectStoreTest.fill(store);
      store.inTransaction(
          () -> {
            for (int i = 0; i < 2000; i++) {
              store.insertStudy(
                  org.ewb.model.Study.of("s" + i, "Study number " + i + " with a label"));
            }
          });
    }
    return f;
  }

  static void sql(Path f, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** Asserts that open and readSnapshot both refuse {@code f} and leave it untouched. */
  void assertRefused(Path f, String reason) throws Exception {
    byte[] before = sha256(f);
    for (Consumer<Path> attempt :
        java.util.List.<Consumer<Path>>of(
            p -> SqliteProjectStore.open(p).close(), SqliteProjectStore::readSnapshot)) {
      WorkbenchException e = assertThrows(WorkbenchException.class, () -> attempt.accept(f));
      assertEquals(WorkbenchException.Kind.FILE, e.kind());
      assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
      assertTrue(e.getMessage().contains(reason), e.getMessage());
      assertArrayEquals(before, sha256(f), "file changed");
      assertFalse(Files.exists(FileCheck.walOf(f)), "-wal left behind");
      assertFalse(Files.exists(FileCheck.shmOf(f)), "-shm left behind");
    }
  }

  @Test
  void randomBytesAreNotAProject() throws Exception {
    Path f = dir.resolve("random.ewb");
    byte[] b = new byte[64 * 1024];
    new Random(7).nextBytes(b);
    Files.write(f, b);
    assertRefused(f, "not an SQLite database");
  }

  @Test
  void aTextFileIsNotAProject() throws Exception {
    Path f = dir.resolve("notes.ewb");
    Files.writeString(f, "Hu 2013, 15, 8.6\n");
    assertRefused(f, "not an SQLite database");
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    Path f = dir.resolve("empty.ewb");
    Files.createFile(f);
    assertRefused(f, "empty");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.99})
  void aTruncatedFileIsRefused(double keep) throws Exception {
    Path f = project("p.ewb");
    byte[] all = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(all, (int) (all.length * keep)));
    assertRefused(f, "truncated");
  }

  @Test
  void aFileCutAtAPageBoundaryIsRefused() throws Exception {
    Path f = project("p.ewb");
    byte[] all = Files.readAllBytes(f);
    int pages = all.length / 4096;
    Files.write(f, java.util.Arrays.copyOf(all, (pages / 2) * 4096));
    assertRefused(f, "truncated");
  }

  @Test
  void aFileCutInsideTheHeaderIsRefused() throws Exception {
    Path f = project("p.ewb");
    Files.write(f, java.util.Arrays.copyOf(Files.readAllBytes(f), 60));
    assertRefused(f, "truncated");
  }

  @Test
  void corruptPagesAreRefused() throws Exception {
    Path f = project("p.ewb");
    byte[] all = Files.readAllBytes(f);
    int pageSize = 4096;
    Random r = new Random(3);
    // scramble every page after the first (which holds the header and the schema)
    for (int i = pageSize; i < all.length; i++) {
      all[i] = (byte) r.nextInt();
    }
    Files.write(f, all);
    assertRefused(f, "corrupt");
  }

  @Test
  void aCorruptHeaderPageSizeIsRefused() throws Exception {
    Path f = project("p.ewb");
    byte[] all = Files.readAllBytes(f);
    all[16] = 0x12;
    all[17] = 0x34;
    Files.write(f, all);
    assertRefused(f, "corrupt");
  }

  @Test
  void anotherApplicationsDatabaseIsNotAProject() throws Exception {
    Path f = dir.resolve("other.db");
    sql(
        f,
        "CREATE TABLE study (id INTEGER PRIMARY KEY, label TEXT)",
        "INSERT INTO study(label) VALUES ('Hu 2013')");
    assertRefused(f, "not an Evidence Workbench project");
  }

  @Test
  void ourApplicationIdWithoutTheMetaTableIsNotAProject() throws Exception {
    Path f = dir.resolve("fake.ewb");
    sql(
        f,
        "PRAGMA application_id = " + Schema.APPLICATION_ID,
        "PRAGMA user_version = 1",
        "CREATE TABLE x (y)");
    assertRefused(f, "not an Evidence Workbench project");
  }

  @Test
  void aNewerSchemaVersionIsRefused() throws Exception {
    Path f = project("p.ewb");
    sql(f, "PRAGMA user_version = " + (Schema.CURRENT_VERSION + 7));
    assertFalse(Files.exists(FileCheck.walOf(f)));
    assertRefused(f, "newer version");
    assertRefused(f, "schema version " + (Schema.CURRENT_VERSION + 7));
  }

  @Test
  void aFolderIsNotAProject() throws Exception {
    Path f = Files.createDirectory(dir.resolve("folder.ewb"));
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> SqliteProjectStore.readSnapshot(f));
    assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
  }

  @Test
  void aReadOnlyFileIsRefusedForEditingButCanBeRead() throws Exception {
    Path f = project("p.ewb");
    f.toFile().setWritable(false, false);
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Files.isWritable(f), "running as root: every file is writable");
    byte[] before = sha256(f);
    WorkbenchException e = assertThrows(WorkbenchException.class, () -> SqliteProjectStore.open(f));
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    assertEquals(2003, SqliteProjectStore.readSnapshot(f).studies().size());
    assertArrayEquals(before, sha256(f));
  }

  @Test
  void aMissingFileIsReported() {
    Path f = dir.resolve("nope.ewb");
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> SqliteProjectStore.readSnapshot(f));
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
    assertFalse(Files.exists(f));
  }

  @Test
  void readingASnapshotLeavesAValidProjectByteIdenticalWithoutSideFiles() throws Exception {
    Path f = project("p.ewb");
    byte[] before = sha256(f);
    ProjectData d = SqliteProjectStore.readSnapshot(f);
    assertEquals(2003, d.studies().size());
    assertArrayEquals(before, sha256(f));
    assertFalse(Files.exists(FileCheck.walOf(f)));
    assertFalse(Files.exists(FileCheck.shmOf(f)));
  }

  @Test
  void aSnapshotCanBeReadWhileTheProjectIsOpenForEditing() {
    Path f = project("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      store.insertStudy(org.ewb.model.Study.of("new", "Only in the log"));
      assertTrue(Files.exists(FileCheck.walOf(f)));
      ProjectData d = SqliteProjectStore.readSnapshot(f);
      assertEquals(2004, d.studies().size());
    }
  }

  /**
   * Damage only {@code PRAGMA quick_check} sees (the cells of an index page no read uses) is
   * refused by the window's open path and by every read, with advice, and the file is left as it
   * was.
   */
  @Test
  void aFileFailingQuickCheckIsRefusedForEditingAndReading() throws Exception {
    Path f = project("p.ewb");
    sql(f, "CREATE INDEX study_label_x ON study(label, title, authors)");
    int root;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = 'study_label_x'")) {
      rs.next();
      root = rs.getInt(1);
    }
    byte[] all = Files.readAllBytes(f);
    Random r = new Random(5);
    for (int i = (root - 1) * 4096 + 12; i < root * 4096; i++) {
      all[i] = (byte) r.nextInt();
    }
    Files.write(f, all);
    assertRefused(f, "quick_check");
    byte[] before = sha256(f);
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> SqliteProjectStore.readSummary(f));
    assertTrue(e.getMessage().contains("backup"), e.getMessage());
    assertArrayEquals(before, sha256(f));
  }

  /** A refused file with a -wal but no -shm (a crashed session) gets no -shm from a read. */
  @Test
  void aRefusedFileWithALogGetsNoSideFileAndKeepsItsLog() throws Exception {
    Path f = project("p.ewb");
    Path copy = dir.resolve("c.ewb");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA wal_autocheckpoint = 0");
      st.execute("PRAGMA user_version = 99");
      Files.copy(f, copy);
      Files.copy(FileCheck.walOf(f), FileCheck.walOf(copy));
    }
    byte[] main = sha256(copy);
    byte[] log = sha256(FileCheck.walOf(copy));
    for (Consumer<Path> attempt :
        java.util.List.<Consumer<Path>>of(
            p -> SqliteProjectStore.open(p).close(),
            SqliteProjectStore::readSnapshot,
            SqliteProjectStore::readSummary)) {
      WorkbenchException e = assertThrows(WorkbenchException.class, () -> attempt.accept(copy));
      assertTrue(e.getMessage().contains("newer version"), e.getMessage());
      assertTrue(e.getMessage().startsWith(copy.toString()), e.getMessage());
      assertArrayEquals(main, sha256(copy));
      assertArrayEquals(log, sha256(FileCheck.walOf(copy)));
      assertFalse(Files.exists(FileCheck.shmOf(copy)), "-shm created");
    }
  }
}
