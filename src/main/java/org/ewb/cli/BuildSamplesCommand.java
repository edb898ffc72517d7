package org.ewb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.logic.samples.BcgSampleBuilder;
import org.ewb.logic.samples.FollowUpExampleBuilder;
import org.ewb.logic.samples.SampleContent;
import org.ewb.logic.samples.StemCellSampleBuilder;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code build-samples}: regenerates the two sample projects from the sources kept in the
 * repository. Each file is built under a temporary name in the output folder and then moved over
 * the old one, so a failed build never leaves a half-written sample. With {@code --check} nothing
 * is written: the fresh builds are compared with the existing files (exit 1 on a difference).
 */
@Command(
    name = "build-samples",
    mixinStandardHelpOptions = true,
    description = {
      "Regenerate sample-projects/stem-cell-diabetes.ewb and bcg-vaccine.ewb from",
      "sample-projects/sources (seed-data/*.csv, mapping/*.csv, bcg.csv)."
    })
public final class BuildSamplesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--sources",
      paramLabel = "DIR",
      description = "Folder with seed-data/, mapping/ and bcg.csv (default: ${DEFAULT-VALUE}).")
  Path sources = Path.of("sample-projects", "sources");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the .ewb files (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("sample-projects");

  @Option(
      names = "--check",
      description =
          "Build into a temporary folder and compare with the files in --out; write nothing.")
  boolean check;

  /** One sample: its file name, title and builder. */
  private record Sample(String fileName, String title, Consumer<ProjectRepository> builder) {}

  @Override
  public Integer call() {
    if (!Files.isDirectory(sources)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("samples.noSources", sources));
    }
    if (!Files.isDirectory(out)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("samples.noOut", out));
    }
    List<Sample> samples =
        List.of(
            new Sample(
                StemCellSampleBuilder.FILE_NAME,
                StemCellSampleBuilder.TITLE,
                new StemCellSampleBuilder(sources)::build),
            new Sample(
                BcgSampleBuilder.FILE_NAME,
                BcgSampleBuilder.TITLE,
                new BcgSampleBuilder(sources)::build),
            new Sample(
                FollowUpExampleBuilder.FILE_NAME,
                FollowUpExampleBuilder.TITLE,
                new FollowUpExampleBuilder()::build));
    PrintWriter w = spec.commandLine().getOut();
    int code = ExitCodes.OK;
    for (Sample s : samples) {
      Path target = out.resolve(s.fileName());
      Path tmp = temporaryPath(target);
      try {
        build(s, tmp);
        ProjectData built = SqliteProjectStore.readSnapshot(tmp);
        if (check) {
          code = Math.max(code, compare(w, target, built));
        } else {
          moveIntoPlace(tmp, target);
          w.println(
              Localization.lang(
                  "samples.built",
                  target,
                  built.studies().size(),
                  built.arms().size(),
                  built.outcomes().size(),
                  built.measurements().size()));
        }
      } finally {
        deleteQuietly(tmp);
      }
    }
    w.flush();
    return code;
  }

  private static void build(Sample s, Path tmp) {
    try (ProjectRepository repo = SqliteProjectStore.create(tmp, s.title())) {
      s.builder().accept(repo);
    }
  }

  private static int compare(PrintWriter w, Path target, ProjectData built) {
    if (!Files.exists(target)) {
      w.println(Localization.lang("samples.checkMissing", target));
      return ExitCodes.DATA_PROBLEMS;
    }
    List<String> diff =
        SampleContent.differences(SqliteProjectStore.readSnapshot(target), built, 20);
    if (diff.isEmpty()) {
      w.println(Localization.lang("samples.checkSame", target));
      return ExitCodes.OK;
    }
    w.println(Localization.lang("samples.checkDiffers", target));
    diff.forEach(d -> w.println("  " + d));
    return ExitCodes.DATA_PROBLEMS;
  }

  /** A name in the target's folder (so the final move stays on one file system) that is unused. */
  private static Path temporaryPath(Path target) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
      // The store creates the file itself and refuses an existing one.
      Files.delete(tmp);
      return tmp;
    } catch (IOException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE,
          Localization.lang("samples.cannotWrite", target, String.valueOf(e.getMessage())),
          e);
    }
  }

  private static void moveIntoPlace(Path tmp, Path target) {
    try {
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      // A WAL or shared-memory file left by an earlier reader belongs to the old file.
      Files.deleteIfExists(Path.of(target + "-wal"));
      Files.deleteIfExists(Path.of(target + "-shm"));
    } catch (IOException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE,
          Localization.lang("samples.cannotWrite", target, String.valueOf(e.getMessage())),
          e);
    }
  }

  private static void deleteQuietly(Path tmp) {
    for (Path p : List.of(tmp, Path.of(tmp + "-wal"), Path.of(tmp + "-shm"))) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a leftover hidden temporary file is harmless; the build result is what matters
      }
    }
  }
}
