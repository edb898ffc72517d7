package org.ewb.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ewb.model.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed in the middle of a transaction leaves the project as it was before the
 * transaction, and a process killed right after an edit returned keeps that edit (no "Save").
 */
class CrashTest {

  @TempDir Path dir;

  /** Child process: commits one study, then dies halfway through a transaction of many. */
  public static void main(String[] args) {
    SqliteProjectStore store = SqliteProjectStore.open(Path.of(args[0]));
    store.insertStudy(Study.of("committed", "Committed before the crash"));
    store.inTransaction(
        () -> {
          for (int i = 0; i < 500; i++) {
            store.insertStudy(Study.of("lost" + i, "Lost " + i));
          }
          store.deleteStudy(1);
          Runtime.getRuntime().halt(3); // no close, no rollback, no shutdown hooks
        });
  }

  @Test
  void aKilledProcessLosesOnlyItsUnfinishedTransaction() throws Exception {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "t")) {
      store.insertStudy(Study.of("first", "First").withId(1));
    }
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashTest.class.getName(),
                f.toString())
            .inheritIO()
            .start();
    assertEquals(true, child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(3, child.exitValue(), "the child should have died mid-transaction");
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      assertEquals(
          List.of("First", "Committed before the crash"),
          store.snapshot().studies().stream().map(Study::label).toList());
    }
  }
}
