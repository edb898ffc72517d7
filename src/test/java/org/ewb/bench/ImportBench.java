package org.ewb.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.ewb.logic.importing.ImportProgress;
import org.ewb.logic.importing.ReferenceImporter;
import org.ewb.logic.importing.ReferenceReader;
import org.ewb.model.StudyStatus;
import org.ewb.persistence.SqliteProjectStore;

/**
 * Reference import benchmark (not a test): writes a seeded synthetic RIS of N records (default
 * 50,000; ~5% duplicates of earlier records with a changed title and no DOI, abstracts of ~120
 * words), imports it into a new project and prints the time of each phase and the peak heap.
 *
 * <pre>
 * mvn -q test-compile && java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.ewb.bench.ImportBench 50000 /tmp/bench
 * </pre>
 *
 * The end-to-end command is timed the same way: {@code /usr/bin/time -v java -Xmx512m -jar
 * target/evidence-workbench.jar import references /tmp/bench/synthetic.ris --project x.ewb}.
 */
public final class ImportBench {

  private static final String[] WORDS =
      ("mesenchymal stem cell therapy type diabetes mellitus randomised controlled trial insulin"
              + " glycaemic control outcomes patients children adults effect efficacy safety"
              + " long term follow up cohort analysis umbilical cord bone marrow transplantation"
              + " infusion placebo meta review systematic beta function peptide hba1c clinical"
              + " study multicentre open label pilot phase")
          .split(" ");
  private static final String[] NAMES =
      ("Hu Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Zhu Smith Jones Brown"
              + " Taylor Wilson Davies Evans Thomas Johnson Roberts Walker Wright Robinson"
              + " Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson")
          .split(" ");

  private ImportBench() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/bench");
    Files.createDirectories(dir);
    Path ris = dir.resolve("synthetic.ris");
    write(ris, n, 42);
    System.out.printf("wrote %s: %d records, %.1f MB%n", ris, n, Files.size(ris) / 1e6);
    Path project = dir.resolve("import-bench.ewb");
    Files.deleteIfExists(project);
    java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long c0 = cpu.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    ReferenceReader.Parsed parsed = ReferenceReader.read(ris, null, Map.of());
    long t1 = System.nanoTime();
    long c1 = cpu.getCurrentThreadCpuTime();
    try (SqliteProjectStore s = SqliteProjectStore.create(project, "bench")) {
      ReferenceImporter.Plan plan = ReferenceImporter.plan(parsed, s.studies(), s.references());
      long t2 = System.nanoTime();
      long c2 = cpu.getCurrentThreadCpuTime();
      ReferenceImporter.Result r =
          ReferenceImporter.apply(
              s,
              s,
              plan,
              ReferenceImporter.defaults(plan, false),
              StudyStatus.INCLUDED,
              ImportProgress.NONE);
      long t3 = System.nanoTime();
      long c3 = cpu.getCurrentThreadCpuTime();
      System.out.printf(
          "read %.2f s, duplicates %.2f s (%d pairs, %d certain), store %.2f s, total %.2f s%n",
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          plan.duplicates().size(),
          plan.duplicates().stream().filter(ReferenceImporter.Duplicate::certain).count(),
          (t3 - t2) / 1e9,
          (t3 - t0) / 1e9);
      System.out.printf(
          "CPU time of the importing thread: read %.2f s, duplicates %.2f s, store %.2f s,"
              + " total %.2f s%n",
          (c1 - c0) / 1e9, (c2 - c1) / 1e9, (c3 - c2) / 1e9, (c3 - c0) / 1e9);
      System.out.printf(
          "studies %d, merged within file %d, kept apart %d%n",
          r.studiesCreated(), r.recordsMergedWithinFile(), r.duplicatesKeptApart());
    }
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "peak heap (sum of pool peaks) %.0f MB, max heap %.0f MB%n",
        peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
  }

  /** A seeded synthetic RIS file of {@code n} records. */
  public static void write(Path file, int n, long seed) throws IOException {
    Random rnd = new Random(seed);
    String[] titles = new String[n];
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        boolean dup = i > 100 && rnd.nextDouble() < 0.05;
        int of = dup ? rnd.nextInt(i) : i;
        Random r = new Random(seed * 1_000_003L + of);
        String title = titles[of] != null ? titles[of] : sentence(r, 8 + r.nextInt(10));
        titles[i] = title;
        int year = 1990 + r.nextInt(35);
        w.write("TY  - JOUR\n");
        int authors = 2 + r.nextInt(7);
        for (int a = 0; a < authors; a++) {
          w.write(
              "AU  - "
                  + NAMES[r.nextInt(NAMES.length)]
                  + ", "
                  + (char) ('A' + r.nextInt(26))
                  + ".\n");
        }
        w.write("TI  - " + (dup ? title.replace(" ", "  ") + "." : title) + "\n");
        w.write("T2  - Journal of " + WORDS[r.nextInt(WORDS.length)] + " research\n");
        w.write("PY  - " + year + "\n");
        w.write("VL  - " + (1 + r.nextInt(80)) + "\nIS  - " + (1 + r.nextInt(12)) + "\n");
        w.write("SP  - " + (1 + r.nextInt(900)) + "\n");
        if (!dup && r.nextDouble() < 0.8) {
          w.write("DO  - 10.9999/bench." + of + "\n");
        }
        w.write("AB  - " + sentence(r, 120) + "\n");
        w.write("KW  - " + WORDS[r.nextInt(WORDS.length)] + "\n");
        w.write("ER  - \n\n");
      }
    }
  }

  private static String sentence(Random r, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(WORDS[r.nextInt(WORDS.length)]);
    }
    b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
    return b.toString();
  }
}
