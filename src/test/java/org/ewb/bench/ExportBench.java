package org.ewb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ewb.logic.export.ExportOptions;
import org.ewb.logic.export.ExportProgress;
import org.ewb.logic.export.ExportTable;
import org.ewb.logic.export.ProjectExporter;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;

/**
 * Export benchmark (not a test): a synthetic project of N studies (default 5,000) x 2 arms with 12
 * characteristic fields, a continuous outcome with 3 time points and a dichotomous one with 2;
 * exports xlsx and CSV and prints wall times; then a Word table of the characteristics of 1,000
 * studies (third argument: another count), twice (the first run includes class loading). Run with
 * {@code /usr/bin/time -v} for peak memory:
 *
 * <pre>
 * mvn -q test-compile && /usr/bin/time -v java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.ewb.bench.ExportBench 5000 /tmp/bench
 * </pre>
 */
public final class ExportBench {

  private ExportBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    Path dir =
        Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/ewb-export-bench"));
    // the machine may be shared: thread CPU time is reported next to wall time
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    ProjectData data = synthetic(n);
    long c1a = cpu.getCurrentThreadCpuTime();
    long t1a = System.nanoTime();
    ProjectExporter.tables(data, ExportOptions.defaults());
    long t1 = System.nanoTime();
    long c1 = cpu.getCurrentThreadCpuTime();
    System.out.printf(
        "build tables only: %.2f s wall, %.2f s CPU%n", (t1 - t1a) / 1e9, (c1 - c1a) / 1e9);
    List<ExportTable> tables =
        ProjectExporter.writeXlsx(
            data, ExportOptions.defaults(), dir.resolve("bench.xlsx"), ExportProgress.NONE);
    long t2 = System.nanoTime();
    long c2 = cpu.getCurrentThreadCpuTime();
    List<Path> csv =
        ProjectExporter.writeCsv(
            data, ExportOptions.defaults(), dir.resolve("csv"), ExportProgress.NONE);
    long t3 = System.nanoTime();
    long c3 = cpu.getCurrentThreadCpuTime();
    long rows = tables.stream().mapToLong(t -> t.rows().size()).sum();
    System.out.printf("studies %d, tables %d, body rows %d%n", n, tables.size(), rows);
    for (ExportTable t : tables) {
      System.out.printf("  %s: %d rows x %d columns%n", t.name(), t.rows().size(), t.columns());
    }
    System.out.printf("build project in memory: %.2f s%n", (t1 - t0) / 1e9);
    System.out.printf(
        "xlsx (tables + write): %.2f s wall, %.2f s CPU (%d bytes)%n",
        (t2 - t1) / 1e9, (c2 - c1) / 1e9, Files.size(dir.resolve("bench.xlsx")));
    System.out.printf(
        "csv (tables + write):  %.2f s wall, %.2f s CPU (%d files)%n",
        (t3 - t2) / 1e9, (c3 - c2) / 1e9, csv.size());
    // Word: the characteristics table of the first 1,000 studies (a Word table of 1,000 rows)
    int wordRows = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    ProjectData small = synthetic(wordRows);
    ExportOptions characteristics =
        new ExportOptions(
            java.util.EnumSet.of(org.ewb.logic.export.TableKind.CHARACTERISTICS), null, "en");
    for (int run = 1; run <= 2; run++) {
      long t4 = System.nanoTime();
      long c4 = cpu.getCurrentThreadCpuTime();
      List<ExportTable> w =
          ProjectExporter.writeDocx(
              small, characteristics, dir.resolve("bench.docx"), ExportProgress.NONE);
      long t5 = System.nanoTime();
      long c5 = cpu.getCurrentThreadCpuTime();
      System.out.printf(
          "docx run %d, %d rows x %d columns (tables + write): %.2f s wall, %.2f s CPU (%d bytes)%n",
          run,
          w.get(0).rows().size(),
          w.get(0).columns(),
          (t5 - t4) / 1e9,
          (c5 - c4) / 1e9,
          Files.size(dir.resolve("bench.docx")));
    }
  }

  static ProjectData synthetic(int n) {
    Random rnd = new Random(42);
    String[] keys = {
      "design",
      "country",
      "n_total",
      "age",
      "bmi",
      "duration",
      "cell_type",
      "cell_dose",
      "n_infusions",
      "route",
      "follow_up",
      "primary_endpoint"
    };
    FieldType[] types = {
      FieldType.TEXT,
      FieldType.TEXT,
      FieldType.INTEGER,
      FieldType.TEXT,
      FieldType.DECIMAL,
      FieldType.TEXT,
      FieldType.TEXT,
      FieldType.TEXT,
      FieldType.INTEGER,
      FieldType.TEXT,
      FieldType.TEXT,
      FieldType.TEXT
    };
    String[] groups = {
      "",
      "",
      "Participants",
      "Participants",
      "Participants",
      "Participants",
      "Intervention",
      "Intervention",
      "Intervention",
      "Intervention",
      "",
      ""
    };
    List<CharacteristicField> fields = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      fields.add(
          new CharacteristicField(
              i + 1, keys[i], keys[i], keys[i], types[i], "", List.of(), groups[i], groups[i], i));
    }
    List<Study> studies = new ArrayList<>(n);
    List<CharacteristicValue> values = new ArrayList<>(n * keys.length);
    List<Arm> arms = new ArrayList<>(2 * n);
    List<Measurement> ms = new ArrayList<>(10 * n);
    List<Outcome> outcomes =
        List.of(
            new Outcome(1, "HbA1c", OutcomeKind.CONTINUOUS, "%", true, 0),
            new Outcome(2, "Remission", OutcomeKind.DICHOTOMOUS, "", false, 1));
    List<TimePoint> tps =
        List.of(
            new TimePoint(1, 1, 0, "Baseline"),
            new TimePoint(2, 1, 6, "6 months"),
            new TimePoint(3, 1, 12, "12 months"),
            new TimePoint(4, 2, 6, "6 months"),
            new TimePoint(5, 2, 12, "12 months"));
    String[] designs = {"RCT, double-blind", "open prospective", "随机、对照", "pilot study"};
    for (int s = 1; s <= n; s++) {
      studies.add(
          new Study(
              s,
              "s" + s,
              "Study " + s + " " + (1990 + s % 35),
              "Author A, Author B",
              1990 + s % 35,
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              StudyStatus.INCLUDED,
              s));
      String[] v = {
        designs[s % 4],
        s % 3 == 0 ? "China" : "Iran",
        Integer.toString(10 + s % 90),
        "52.9 ± 10.5 (18–70)",
        String.format("%.1f", 20 + rnd.nextDouble() * 10),
        "8.7 ± 4.3 years",
        "UC-MSC",
        "1 × 10⁶ cells/kg, two doses 4 weeks apart",
        Integer.toString(1 + s % 3),
        "IV",
        Integer.toString(6 + s % 30),
        "HbA1c and fasting C-peptide at 12 months"
      };
      for (int i = 0; i < v.length; i++) {
        values.add(new CharacteristicValue(s, i + 1, v[i], Provenance.NONE));
      }
      for (int a = 0; a < 2; a++) {
        long armId = 2L * s + a;
        arms.add(
            new Arm(
                armId,
                s,
                a == 0 ? "MSC" : "Control",
                a == 0 ? ArmRole.EXPERIMENTAL : ArmRole.CONTROL,
                "",
                20,
                a));
        for (long tp = 1; tp <= 3; tp++) {
          ms.add(
              Measurement.continuous(
                  s,
                  1,
                  armId,
                  tp,
                  CellText.of(20 + rnd.nextInt(20)),
                  CellText.of(Math.round((7 + rnd.nextGaussian()) * 100) / 100.0),
                  CellText.of(Math.round((1 + rnd.nextDouble()) * 100) / 100.0),
                  Provenance.NONE));
        }
        for (long tp = 4; tp <= 5; tp++) {
          ms.add(
              Measurement.dichotomous(
                  s, 2, armId, tp, CellText.of(rnd.nextInt(10)), CellText.of(20), Provenance.NONE));
        }
      }
    }
    Project p = new Project("synthetic", "", "", Instant.EPOCH, Instant.EPOCH, 1);
    return new ProjectData(
        p, studies, fields, values, arms, outcomes, tps, ms, List.of(), List.of(), List.of());
  }
}
