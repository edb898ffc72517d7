package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

  @TempDir Path dir;

  @Test
  void createsAnEmptyProjectWithTheTitle() {
    Path f = dir.resolve("review.ewb");
    CliTestSupport.Run r = CliTestSupport.run("new", f.toString(), "--title", "MSC in T1D");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains(f.toString()), r.out());
    assertEquals("MSC in T1D", SqliteProjectStore.readSnapshot(f).project().title());
    assertTrue(SqliteProjectStore.readSnapshot(f).studies().isEmpty());
  }

  @Test
  void theTitleDefaultsToTheFileName() {
    Path f = dir.resolve("my-review.ewb");
    assertEquals(0, CliTestSupport.run("new", f.toString()).exitCode());
    assertEquals("my-review", SqliteProjectStore.readSnapshot(f).project().title());
  }

  @Test
  void refusesToOverwriteAFile() throws Exception {
    Path f = dir.resolve("review.ewb");
    Files.writeString(f, "precious");
    CliTestSupport.Run r = CliTestSupport.run("new", f.toString(), "--title", "x");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("already exists"), r.err());
    assertEquals("precious", Files.readString(f));
  }

  @Test
  void aMissingFolderIsReported() {
    CliTestSupport.Run r = CliTestSupport.run("new", dir.resolve("no/such/dir/x.ewb").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("folder does not exist"), r.err());
  }
}
