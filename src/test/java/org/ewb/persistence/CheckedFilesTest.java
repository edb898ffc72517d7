package org.ewb.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import org.ewb.model.Study;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that passed {@code quick_check} is not checked again while it is unchanged (ADR 0133); any
 * change, even one that puts the modification time back, makes the next read check it again, and
 * {@code validate}'s read always checks.
 */
class CheckedFilesTest {

  @TempDir Path dir;

  private Path project() {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      store.inTransaction(
          () -> {
            for (int i = 0; i < 2000; i++) {
              store.insertStudy(Study.of("s" + i, "Study number " + i + " with a label"));
            }
          });
    }
    return f;
  }

  /** The number of quick_checks {@code read} ran. */
  private static int checks(Runnable read) {
    int before = CheckedFiles.CHECKS_RUN.get();
    read.run();
    return CheckedFiles.CHECKS_RUN.get() - before;
  }

  @Test
  void anUnchangedFileIsCheckedOnceAndValidateAlwaysChecks() {
    Path f = project();
    assertNotNull(CheckedFiles.stamp(f), "this file system reports the unix attributes");
    assertEquals(1, checks(() -> SqliteProjectStore.readSummary(f)));
    assertEquals(0, checks(() -> SqliteProjectStore.readSummary(f)));
    assertEquals(0, checks(() -> SqliteProjectStore.readSnapshot(f)));
    assertEquals(1, checks(() -> SqliteProjectStore.readSnapshot(f, false)));
    assertEquals(1, checks(() -> SqliteProjectStore.readSnapshot(f, false)));
  }

  @Test
  void anEditMakesTheNextReadCheckAgain() {
    Path f = project();
    assertEquals(1, checks(() -> SqliteProjectStore.readSummary(f)));
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) { // opening trusts the check too
      store.inTransaction(() -> store.insertStudy(Study.of("new", "Added in the window")));
    }
    assertEquals(1, checks(() -> SqliteProjectStore.readSummary(f)));
    assertEquals(0, checks(() -> SqliteProjectStore.readSummary(f)));
  }

  @Test
  void corruptionWrittenAfterAPassIsFoundEvenWithTheOldModificationTime() throws Exception {
    Path f = project();
    SqliteProjectStore.readSummary(f);
    String passed = CheckedFiles.stamp(f);
    assertTrue(CheckedFiles.passed(f, passed));
    FileTime mtime = Files.getLastModifiedTime(f);
    byte[] all = Files.readAllBytes(f);
    Random r = new Random(5);
    for (int i = 4096; i < all.length; i++) { // every page after the schema, same size
      all[i] = (byte) r.nextInt();
    }
    Files.write(f, all);
    Files.setLastModifiedTime(f, mtime); // as cp -p or touch -r would
    assertNotEquals(passed, CheckedFiles.stamp(f), "the status-change time moved");
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> SqliteProjectStore.readSummary(f));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void aFileReplacedByAnotherIsCheckedAgain() throws Exception {
    Path f = project();
    SqliteProjectStore.readSummary(f);
    Path other = dir.resolve("other.ewb");
    Files.copy(f, other);
    Files.move(
        other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // same bytes, new inode
    assertEquals(1, checks(() -> SqliteProjectStore.readSummary(f)));
  }
}
