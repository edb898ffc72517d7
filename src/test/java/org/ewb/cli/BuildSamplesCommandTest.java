package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ewb.logic.samples.BcgSampleBuilder;
import org.ewb.logic.samples.SampleContent;
import org.ewb.logic.samples.StemCellSampleBuilder;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code build-samples}: a fresh build holds exactly the content of the committed sample files
 * (everything but the created / modified times), and {@code --check} notices a difference.
 */
class BuildSamplesCommandTest {

  private static final Path REPO = Path.of(System.getProperty("ewb.repo.dir", "."));
  private static final Path SOURCES = REPO.resolve("sample-projects/sources");

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = MainCommand.commandLine();
    ExitCodes.install(cl);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void freshBuildsHoldExactlyTheContentOfTheCommittedSamples(@TempDir Path tmp) throws IOException {
    Run r = run("build-samples", "--sources", SOURCES.toString(), "--out", tmp.toString());
    assertEquals(0, r.code(), r.err());
    for (String name : List.of(StemCellSampleBuilder.FILE_NAME, BcgSampleBuilder.FILE_NAME)) {
      // read a copy: opening the committed file could leave SQLite side files next to it
      Path committed =
          Files.copy(
              REPO.resolve("sample-projects").resolve(name),
              Files.createDirectories(tmp.resolve("committed")).resolve(name));
      ProjectData expected = SqliteProjectStore.readSnapshot(committed);
      ProjectData built = SqliteProjectStore.readSnapshot(tmp.resolve(name));
      assertEquals(List.of(), SampleContent.differences(expected, built, 10), name);
      assertEquals(SampleContent.comparable(expected), SampleContent.comparable(built), name);
    }
    assertTrue(r.out().contains("36 studies, 46 arms, 12 outcomes, 29 measurements"), r.out());
    assertTrue(r.out().contains("13 studies, 26 arms, 1 outcomes, 26 measurements"), r.out());
    try (var files = Files.list(tmp)) {
      assertTrue(
          files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
          "no temporary file left");
    }
  }

  @Test
  void checkPassesOnAFreshBuildAndFailsWhenAValueChanged(@TempDir Path tmp) {
    assertEquals(
        0, run("build-samples", "--sources", SOURCES.toString(), "--out", tmp.toString()).code());
    Run same =
        run("build-samples", "--check", "--sources", SOURCES.toString(), "--out", tmp.toString());
    assertEquals(0, same.code(), same.out() + same.err());

    try (var repo = SqliteProjectStore.open(tmp.resolve(BcgSampleBuilder.FILE_NAME))) {
      Measurement m = repo.snapshot().measurements().get(0);
      repo.putMeasurement(
          new Measurement(
              m.id(),
              m.studyId(),
              m.outcomeId(),
              m.armId(),
              m.timePointId(),
              m.n(),
              m.mean(),
              m.sd(),
              CellText.of("5"),
              m.total(),
              m.reported(),
              m.derivation(),
              m.provenance()));
    }
    Run diff =
        run("build-samples", "--check", "--sources", SOURCES.toString(), "--out", tmp.toString());
    assertEquals(ExitCodes.DATA_PROBLEMS, diff.code());
    assertTrue(diff.out().contains("bcg-vaccine.ewb: differs"), diff.out());
    assertTrue(diff.out().contains("measurements[0]"), diff.out());
    assertTrue(diff.out().contains("stem-cell-diabetes.ewb: same content"), diff.out());
  }

  @Test
  void aMissingSourcesFolderIsAUsageErrorAndWritesNothing(@TempDir Path tmp) throws IOException {
    Run r =
        run("build-samples", "--sources", tmp.resolve("nope").toString(), "--out", tmp.toString());
    assertEquals(ExitCodes.ERROR, r.code());
    assertTrue(r.err().contains("nope"), r.err());
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aBrokenSourceLeavesTheExistingSampleUntouched(@TempDir Path tmp) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("bcg.csv"), "row,label\n1,x\n");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path old = Files.writeString(out.resolve(StemCellSampleBuilder.FILE_NAME), "old");
    Run r = run("build-samples", "--sources", src.toString(), "--out", out.toString());
    assertEquals(ExitCodes.ERROR, r.code());
    assertTrue(r.err().contains("studies.csv"), r.err());
    assertEquals("old", Files.readString(old));
    try (var files = Files.list(out)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }
}
