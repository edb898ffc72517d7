package org.ewb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ewb.logic.project.ProjectSummary;
import org.ewb.logic.samples.SyntheticProject;
import org.ewb.logic.validation.ProjectValidator;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-synthetic --out FILE}: writes the synthetic benchmark project and prints what it
 * measured (creation time, file size, in-process snapshot and validation times). Hidden: a tool for
 * developers, not for reviewers.
 */
@Command(
    name = "bench-synthetic",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Write a synthetic benchmark project and print timings.")
public final class BenchSyntheticCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to create.")
  Path out;

  @Option(names = "--studies", defaultValue = "5000")
  int studies;

  @Option(names = "--outcomes", defaultValue = "10")
  int outcomes;

  @Option(names = "--timepoints", defaultValue = "6")
  int timePoints;

  @Option(names = "--seed", defaultValue = "20240601")
  long seed;

  @Option(names = "--reuse", description = "Measure an existing FILE instead of creating it.")
  boolean reuse;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    SyntheticProject.Size size = new SyntheticProject.Size(studies, outcomes, timePoints, seed);
    if (!(reuse && Files.exists(out))) {
      long t0 = System.nanoTime();
      long c0 = cpu();
      long written;
      try (SqliteProjectStore store = SqliteProjectStore.create(out, "synthetic")) {
        written = SyntheticProject.generate(store, size);
      }
      w.printf(
          Locale.ROOT,
          "create          %.2f s wall, %.2f s cpu (%d measurements)%n",
          (System.nanoTime() - t0) / 1e9,
          (cpu() - c0) / 1e9,
          written);
    }
    w.printf(
        Locale.ROOT, "file            %s, %.1f MB%n", out.toAbsolutePath(), Files.size(out) / 1e6);
    for (int i = 1; i <= 3; i++) {
      long t = System.nanoTime();
      long c = cpu();
      ProjectSummary s = SqliteProjectStore.readSummary(out);
      w.printf(
          Locale.ROOT,
          "readSummary #%d  %.3f s wall, %.3f s cpu (%d studies, %d measurements)%n",
          i,
          (System.nanoTime() - t) / 1e9,
          (cpu() - c) / 1e9,
          s.studies(),
          s.measurements());
    }
    ProjectData d = null;
    for (int i = 1; i <= 3; i++) {
      long t = System.nanoTime();
      long c = cpu();
      d = SqliteProjectStore.readSnapshot(out);
      w.printf(
          Locale.ROOT,
          "readSnapshot #%d %.3f s wall, %.3f s cpu (%d measurements)%n",
          i,
          (System.nanoTime() - t) / 1e9,
          (cpu() - c) / 1e9,
          d.measurements().size());
    }
    for (int i = 1; i <= 3; i++) {
      long t = System.nanoTime();
      long c = cpu();
      int problems = ProjectValidator.validate(d).size();
      w.printf(
          Locale.ROOT,
          "validate #%d     %.3f s wall, %.3f s cpu (%d problems)%n",
          i,
          (System.nanoTime() - t) / 1e9,
          (cpu() - c) / 1e9,
          problems);
    }
    for (int i = 1; i <= 2; i++) {
      long t = System.nanoTime();
      long c = cpu();
      try (SqliteProjectStore store = SqliteProjectStore.open(out)) {
        long t1 = System.nanoTime();
        long c1 = cpu();
        int n = store.snapshot().measurements().size();
        w.printf(
            Locale.ROOT,
            "open #%d         %.3f s wall, %.3f s cpu (header, quick_check);"
                + " then snapshot %.3f s wall, %.3f s cpu (%d measurements)%n",
            i,
            (t1 - t) / 1e9,
            (c1 - c) / 1e9,
            (System.nanoTime() - t1) / 1e9,
            (cpu() - c1) / 1e9,
            n);
      }
    }
    w.flush();
    return ExitCodes.OK;
  }

  /** CPU time of this thread (the machine may be shared, so wall time alone misleads). */
  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
