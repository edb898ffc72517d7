package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of bad inputs (CSV files, damaged projects, options), each run through the real command
 * line in-process. For every one: the documented exit code (1 data problems, 2 usage or file), one
 * message without a Java exception name or stack trace, naming the file where it is a file problem,
 * and every input file, side files included, byte-identical afterwards with no file added.
 */
class BadInputCorpusTest {

  @TempDir static Path root;
  static Path in;
  static Path out;
  static Path bcg;
  static Path csvOk;

  /** Class names, packages and stack lines: nothing a reviewer should see. */
  static final Pattern JAVA =
      Pattern.compile(
          "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\bjava\\.[a-z]+\\.|\\bat org\\.|\\bat java\\.");

  record Case(String name, int exit, String mustContain, String... args) {}

  static final List<Case> CASES = new ArrayList<>();

  @BeforeAll
  static void build() throws Exception {
    in = Files.createDirectories(root.resolve("in"));
    out = Files.createDirectories(root.resolve("out"));
    bcg = in.resolve("bcg.ewb");
    Files.copy(Path.of("sample-projects/bcg-vaccine.ewb"), bcg);
    csvOk = write("ok.csv", "study,yi,se\nA,0.1,0.1\nB,0.3,0.2\nC,-0.1,0.15\nD,0.2,0.12\n");
    csvCases();
    projectCases();
    optionCases();
  }

  static Path write(String name, String text) throws IOException {
    return Files.writeString(in.resolve(name), text, StandardCharsets.UTF_8);
  }

  static void add(String name, int exit, String mustContain, String... args) {
    CASES.add(new Case(name, exit, mustContain, args));
  }

  static String[] analyzeCsv(Path f, String measure) {
    return new String[] {"analyze", "--csv", f.toString(), "--measure", measure, "--model", "REML"};
  }

  // ------------------------------------------------------------------ CSV files

  static void csvCases() throws Exception {
    String[][] formats = {
      {"GEN", "study,yi,se", "0.1,0.1", "0.3,0.2", "-0.2,0.15"},
      {"RR", "study,events_e,total_e,events_c,total_c", "4,20,8,20", "3,30,9,31", "5,25,6,24"},
      {
        "MD",
        "study,mean_e,sd_e,n_e,mean_c,sd_c,n_c",
        "5,1,20,6,1.2,20",
        "4,1,15,5,1,16",
        "3,2,9,4,2,9"
      }
    };
    // values no column of a study may hold: each gives a data error naming line and column
    String[] bad = {
      "abc", "1d", "0x10", "NaN", "Infinity", "-Infinity", "1e400", "٣", "1.2.3", "--1"
    };
    int n = 0;
    for (String[] f : formats) {
      String[] cols = f[1].split(",");
      for (int c = 1; c < cols.length; c++) {
        for (String v : bad) {
          String[] row = ("S2," + f[3]).split(",");
          row[c] = v;
          Path p =
              write(
                  "bad" + (n++) + ".csv",
                  f[1] + "\nS1," + f[2] + "\n" + String.join(",", row) + "\nS3," + f[4] + "\n");
          add("csv " + f[0] + " " + cols[c] + "=" + v, 1, "line 3", analyzeCsv(p, f[0]));
        }
      }
    }
    // values that are numbers but impossible for the measure
    add(
        "csv negative se",
        1,
        "se = -0.2",
        analyzeCsv(csv("study,yi,se\nA,1,0.1\nB,2,-0.2\n"), "GEN"));
    add("csv zero se", 1, "se = 0", analyzeCsv(csv("study,yi,se\nA,1,0.1\nB,2,0\n"), "GEN"));
    add("csv negative vi", 1, "", analyzeCsv(csv("study,yi,vi\nA,1,0.1\nB,2,-0.2\n"), "GEN"));
    add("csv zero vi", 1, "", analyzeCsv(csv("study,yi,vi\nA,1,0.1\nB,2,0\n"), "GEN"));
    add(
        "csv events > total",
        1,
        "",
        analyzeCsv(
            csv("study,events_e,total_e,events_c,total_c\nA,30,20,8,20\nB,1,9,2,9\n"), "RR"));
    add(
        "csv negative events",
        1,
        "",
        analyzeCsv(
            csv("study,events_e,total_e,events_c,total_c\nA,-3,20,8,20\nB,1,9,2,9\n"), "OR"));
    add(
        "csv negative sd",
        1,
        "",
        analyzeCsv(
            csv("study,mean_e,sd_e,n_e,mean_c,sd_c,n_c\nA,5,-1,20,6,1,20\nB,4,1,9,5,1,9\n"), "MD"));
    add(
        "csv n = 1 for SMD",
        1,
        "",
        analyzeCsv(
            csv("study,mean_e,sd_e,n_e,mean_c,sd_c,n_c\nA,5,1,1,6,1,1\nB,4,1,1,5,1,1\n"), "SMD"));
    add(
        "csv binary data for MD",
        2,
        "",
        analyzeCsv(csv("study,events_e,total_e,events_c,total_c\nA,3,20,8,20\nB,1,9,2,9\n"), "MD"));
    add("csv GEN data for RR", 2, "", analyzeCsv(csv("study,yi,se\nA,1,0.1\nB,2,0.2\n"), "RR"));
    // shape of the file
    add("csv empty file", 2, "", analyzeCsv(csv(""), "GEN"));
    add("csv only a header", 1, "", analyzeCsv(csv("study,yi,se\n"), "GEN"));
    add("csv no study column", 2, "study", analyzeCsv(csv("name,yi,se\nA,1,0.1\n"), "GEN"));
    add("csv no data columns", 2, "yi", analyzeCsv(csv("study,a,b\nA,1,0.1\n"), "GEN"));
    add(
        "csv too many fields",
        1,
        "line 3",
        analyzeCsv(csv("study,yi,se\nA,1,0.1\nB,2,0.2,9\n"), "GEN"));
    add("csv too few fields", 1, "line 3", analyzeCsv(csv("study,yi,se\nA,1,0.1\nB,2\n"), "GEN"));
    add(
        "csv comma decimal",
        1,
        "line 2",
        analyzeCsv(csv("study,yi,se\nA,0,5,0,1\nB,1,0.2\n"), "GEN"));
    add("csv all rows empty", 1, "", analyzeCsv(csv("study,yi,se\nA,,\nB,,\n"), "GEN"));
    add("csv unclosed quote", 2, "", analyzeCsv(csv("study,yi,se\n\"A,1,0.1\nB,2,0.2\n"), "GEN"));
    add(
        "csv stray quote (a literal quote in a label)",
        0,
        "",
        analyzeCsv(csv("study,yi,se\nA\"x\"y,1,0.1\n"), "GEN"));
    Path latin1 = in.resolve("latin1.csv");
    Files.write(
        latin1, "study,yi,se\nM\u00fcller,1,0.1\nB,2,0.2\n".getBytes(StandardCharsets.ISO_8859_1));
    add("csv not UTF-8", 2, "UTF-8", analyzeCsv(latin1, "GEN"));
    Path binary = in.resolve("binary.csv");
    byte[] junk = new byte[4096];
    new Random(10).nextBytes(junk);
    Files.write(binary, junk);
    add("csv random bytes", 2, "binary.csv", analyzeCsv(binary, "GEN"));
    add("csv missing file", 2, "missing.csv", analyzeCsv(in.resolve("missing.csv"), "GEN"));
    Path folder = Files.createDirectories(in.resolve("folder.csv"));
    add("csv is a folder", 2, "folder", analyzeCsv(folder, "GEN"));
    Path fifo = fifo("pipe.csv");
    if (fifo != null) {
      add("csv is a named pipe", 2, "pipe.csv", analyzeCsv(fifo, "GEN"));
    }
    // options naming CSV columns
    add(
        "csv subgroup column missing",
        2,
        "",
        withArgs(analyzeCsv(csvOk, "GEN"), "--subgroup", "nope"));
    add(
        "csv moderator column missing",
        2,
        "",
        withArgs(analyzeCsv(csvOk, "GEN"), "--moderator", "nope"));
    Path modText = csv("study,yi,se,m\nA,1,0.1,x\nB,2,0.2,y\nC,1,0.3,z\n");
    add(
        "csv moderator not numeric",
        1,
        "",
        withArgs(analyzeCsv(modText, "GEN"), "--moderator", "m"));
    Path modConst = csv("study,yi,se,m\nA,1,0.1,3\nB,2,0.2,3\nC,1,0.3,3\n");
    add(
        "csv moderator constant",
        1,
        "constant",
        withArgs(analyzeCsv(modConst, "GEN"), "--moderator", "m"));
    Path same = csv("study,yi,se\nA,1,0.1\nB,1,0.1\nC,1,0.1\nD,1,0.1\n");
    add(
        "csv identical studies: bias refused in its section",
        0,
        "",
        withArgs(analyzeCsv(same, "GEN"), "--bias"));
    add(
        "csv one study leave-one-out",
        0,
        "",
        withArgs(analyzeCsv(csv("study,yi,se\nA,1,0.1\n"), "GEN"), "--leave1out"));
  }

  static int csvCount;

  static Path csv(String text) throws IOException {
    return write("c" + (csvCount++) + ".csv", text);
  }

  static String[] withArgs(String[] a, String... more) {
    String[] r = Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, r, a.length, more.length);
    return r;
  }

  static Path fifo(String name) throws InterruptedException {
    Path p = in.resolve(name);
    try {
      if (new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0) {
        return p;
      }
    } catch (IOException e) {
      // no mkfifo here: the case is left out
    }
    return null;
  }

  // ------------------------------------------------------------------ damaged projects

  /** Each damaged file through every command that reads a project; all refuse with exit 2. */
  static void projectCases() throws Exception {
    Map<String, Path> damaged = new TreeMap<>();
    byte[] good = Files.readAllBytes(bcg);
    damaged.put("empty", Files.write(in.resolve("empty.ewb"), new byte[0]));
    byte[] random = new byte[16384];
    new Random(1).nextBytes(random);
    damaged.put("random bytes", Files.write(in.resolve("random.ewb"), random));
    damaged.put("text", write("text.ewb", "This is not a project.\n"));
    damaged.put("cut at 60 bytes", Files.write(in.resolve("cut60.ewb"), Arrays.copyOf(good, 60)));
    for (double keep : new double[] {0.3, 0.6, 0.9}) {
      String n = "cut" + (int) (keep * 100) + ".ewb";
      damaged.put(
          "truncated to " + keep,
          Files.write(in.resolve(n), Arrays.copyOf(good, (int) (good.length * keep))));
    }
    byte[] scrambled = good.clone();
    Random r = new Random(2);
    for (int i = 4096; i < scrambled.length; i++) {
      scrambled[i] = (byte) r.nextInt();
    }
    damaged.put("scrambled pages", Files.write(in.resolve("scrambled.ewb"), scrambled));
    byte[] pageSize = good.clone();
    pageSize[16] = 0x12;
    pageSize[17] = 0x34;
    damaged.put("bad page size", Files.write(in.resolve("pagesize.ewb"), pageSize));
    Path other = in.resolve("other.ewb");
    sql(other, "CREATE TABLE t(x)", "INSERT INTO t VALUES (1)");
    damaged.put("another database", other);
    damaged.put("newer version", copyAndSql("newer.ewb", "PRAGMA user_version = 99"));
    damaged.put("no meta table", copyAndSql("nometa.ewb", "DROP TABLE meta"));
    damaged.put(
        "wrong format",
        copyAndSql("format.ewb", "UPDATE meta SET value = 'x' WHERE key = 'format'"));
    damaged.put(
        "unknown status",
        copyAndSql(
            "status.ewb",
            "PRAGMA ignore_check_constraints = ON",
            "UPDATE study SET status = 'MAYBE' WHERE id = 2"));
    damaged.put(
        "unknown arm role",
        copyAndSql(
            "role.ewb",
            "PRAGMA ignore_check_constraints = ON",
            "UPDATE arm SET role = 'PLACEBO' WHERE id = 1"));
    damaged.put(
        "unknown outcome kind",
        copyAndSql(
            "kind.ewb",
            "PRAGMA ignore_check_constraints = ON",
            "UPDATE outcome SET kind = 'ORDINAL'"));
    damaged.put(
        "NULL months",
        copyAndSql(
            "months.ewb",
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_schema SET sql = replace(sql, 'months REAL NOT NULL', 'months REAL')"
                + " WHERE name = 'time_point'"));
    sql(in.resolve("months.ewb"), "UPDATE time_point SET months = NULL");
    damaged.put("quick_check fails", quickCheckFails());
    damaged.put("newer version with a -wal", walCopy("walnewer.ewb", "PRAGMA user_version = 99"));
    damaged.put("folder", Files.createDirectories(in.resolve("folder.ewb")));
    damaged.put("missing", in.resolve("missing.ewb"));
    Path fifo = fifo("pipe.ewb");
    if (fifo != null) {
      damaged.put("named pipe", fifo);
    }
    for (Map.Entry<String, Path> e : damaged.entrySet()) {
      String f = e.getValue().toString();
      String name = e.getValue().getFileName().toString();
      add("project " + e.getKey() + ": info", 2, name, "info", f);
      add("project " + e.getKey() + ": info --json", 2, name, "info", f, "--json");
      add("project " + e.getKey() + ": validate", 2, name, "validate", f);
      add(
          "project " + e.getKey() + ": analyze",
          2,
          name,
          "analyze",
          "--project",
          f,
          "--outcome",
          "Tuberculosis",
          "--measure",
          "RR",
          "--model",
          "REML");
      add(
          "project " + e.getKey() + ": plot",
          2,
          name,
          "plot",
          "forest",
          "--project",
          f,
          "--outcome",
          "Tuberculosis",
          "--out",
          out.resolve("f.png").toString());
      add(
          "project " + e.getKey() + ": export",
          2,
          name,
          "export",
          "xlsx",
          "--project",
          f,
          "--out",
          out.resolve("t.xlsx").toString());
    }
    // a study label of 100,000 characters is drawn cut with an ellipsis, in about a second
    Path longLabel =
        copyAndSql(
            "longlabel.ewb", "UPDATE study SET label = printf('%.*c', 100000, 'x') WHERE id = 1");
    add(
        "long label: plot",
        0,
        "",
        "plot",
        "forest",
        "--project",
        longLabel.toString(),
        "--outcome",
        "Tuberculosis",
        "--out",
        out.resolve("long.pdf").toString());
    // a value whose arm was deleted by another tool: a data problem, not a file problem
    Path orphan =
        copyAndSql(
            "orphan.ewb",
            "PRAGMA foreign_keys = OFF",
            "DELETE FROM arm WHERE id = (SELECT min(arm_id) FROM measurement)");
    add("orphaned value: validate", 1, "arm", "validate", orphan.toString());
    add(
        "orphaned value: analyze",
        1,
        "arm",
        "analyze",
        "--project",
        orphan.toString(),
        "--outcome",
        "Tuberculosis",
        "--measure",
        "RR",
        "--model",
        "REML");
  }

  static Path copyAndSql(String name, String... statements) throws Exception {
    Path f = in.resolve(name);
    Files.copy(bcg, f);
    sql(f, statements);
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

  /**
   * Scrambles the cells of an index page that no command reads: every table still reads, only
   * {@code PRAGMA quick_check} sees the damage.
   */
  static Path quickCheckFails() throws Exception {
    Path f = in.resolve("quickcheck.ewb");
    Files.copy(bcg, f);
    sql(f, "CREATE INDEX study_label_x ON study(label, title, authors)");
    int root;
    int pageSize;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement()) {
      try (var rs =
          st.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = 'study_label_x'")) {
        rs.next();
        root = rs.getInt(1);
      }
      try (var rs = st.executeQuery("PRAGMA page_size")) {
        rs.next();
        pageSize = rs.getInt(1);
      }
    }
    byte[] all = Files.readAllBytes(f);
    Random r = new Random(5);
    int start = (root - 1) * pageSize;
    for (int i = start + 12; i < start + pageSize; i++) {
      all[i] = (byte) r.nextInt();
    }
    Files.write(f, all);
    return f;
  }

  /** A copy of the project with its -wal (no -shm), as a crashed session leaves it. */
  static Path walCopy(String name, String statement) throws Exception {
    Path f = in.resolve(name);
    Files.copy(bcg, f);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA wal_autocheckpoint = 0");
      st.execute(statement);
      st.execute("UPDATE project SET title = 'logged'");
      // copy while the log holds the changes
      Files.copy(f, in.resolve("w-" + name));
      Files.copy(f.resolveSibling(name + "-wal"), in.resolve("w-" + name + "-wal"));
    }
    {
      Files.delete(f);
      Files.move(in.resolve("w-" + name), f);
      Files.move(in.resolve("w-" + name + "-wal"), f.resolveSibling(name + "-wal"));
    }
    Files.deleteIfExists(f.resolveSibling(name + "-shm"));
    assertTrue(Files.exists(f.resolveSibling(name + "-wal")));
    return f;
  }

  // ------------------------------------------------------------------ options

  static void optionCases() throws IOException {
    String p = bcg.toString();
    String png = out.resolve("o.png").toString();
    String[] plot = {"plot", "forest", "--project", p, "--outcome", "Tuberculosis", "--out", png};
    String[] analyze = {
      "analyze", "--project", p, "--outcome", "Tuberculosis", "--measure", "RR", "--model", "REML"
    };
    String[] export = {"export", "xlsx", "--project", p, "--out", out.resolve("e.xlsx").toString()};
    add("no command argument", 2, "", "info");
    add("unknown command", 2, "", "frobnicate");
    add("unknown option", 2, "--frob", "info", p, "--frob");
    for (String m : new String[] {"XX", "PETO", "ZCOR", ""}) {
      add(
          "analyze --measure " + m,
          2,
          "measure",
          withArgs(
              new String[] {
                "analyze", "--csv", csvOk.toString(), "--model", "REML", "--measure", m
              }));
    }
    for (String m : new String[] {"XX", "", "reml2"}) {
      add(
          "analyze --model " + m,
          2,
          "",
          "analyze",
          "--csv",
          csvOk.toString(),
          "--measure",
          "GEN",
          "--model",
          m);
    }
    add("analyze --test foo", 2, "foo", withArgs(analyzeCsv(csvOk, "GEN"), "--test", "foo"));
    add("analyze --add -1", 2, "--add", withArgs(analyzeCsv(csvOk, "GEN"), "--add", "-1"));
    add("analyze --add abc", 2, "", withArgs(analyzeCsv(csvOk, "GEN"), "--add", "abc"));
    add("analyze --add NaN", 2, "--add", withArgs(analyzeCsv(csvOk, "GEN"), "--add", "NaN"));
    add("analyze --timepoint abc", 2, "", withArgs(analyze, "--timepoint", "abc"));
    add("analyze --timepoint 99", 2, "", withArgs(analyze, "--timepoint", "99"));
    add("analyze no input", 2, "", "analyze", "--measure", "RR", "--model", "REML");
    add("analyze both inputs", 2, "", withArgs(analyze, "--csv", csvOk.toString()));
    add("analyze csv with outcome", 2, "", withArgs(analyzeCsv(csvOk, "GEN"), "--outcome", "X"));
    add(
        "analyze project without outcome",
        2,
        "",
        "analyze",
        "--project",
        p,
        "--measure",
        "RR",
        "--model",
        "REML");
    add(
        "analyze unknown outcome",
        2,
        "Nope",
        "analyze",
        "--project",
        p,
        "--outcome",
        "Nope",
        "--measure",
        "RR",
        "--model",
        "REML");
    add(
        "analyze wrong measure for outcome",
        2,
        "",
        "analyze",
        "--project",
        p,
        "--outcome",
        "Tuberculosis",
        "--measure",
        "MD",
        "--model",
        "REML");
    add("analyze subgroup unknown field", 2, "", withArgs(analyze, "--subgroup", "nofield"));
    add("analyze moderator unknown field", 2, "", withArgs(analyze, "--moderator", "nofield"));
    add("analyze moderator text field", 1, "", withArgs(analyze, "--moderator", "alloc"));
    add("analyze missing --model", 2, "", "analyze", "--csv", csvOk.toString(), "--measure", "GEN");
    // plot
    add(
        "plot unknown kind",
        2,
        "pie",
        "plot",
        "pie",
        "--project",
        p,
        "--outcome",
        "Tuberculosis",
        "--out",
        png);
    add(
        "plot unknown format",
        2,
        "o.gif",
        "plot",
        "forest",
        "--project",
        p,
        "--outcome",
        "Tuberculosis",
        "--out",
        out.resolve("o.gif").toString());
    add("plot --lang fr", 2, "fr", withArgs(plot, "--lang", "fr"));
    add("plot --lang empty", 2, "", withArgs(plot, "--lang", ""));
    for (String d : new String[] {"0", "-300", "10", "35", "2401", "100000", "abc", "3.5"}) {
      add("plot --dpi " + d, 2, "", withArgs(plot, "--dpi", d));
    }
    for (String w :
        new String[] {"0", "-5", "5", "19.9", "2001", "1e9", "NaN", "Infinity", "abc"}) {
      add("plot --width-mm " + w, 2, "", withArgs(plot, "--width-mm", w));
    }
    for (String h : new String[] {"-1", "5", "5001", "100000", "1e9", "NaN", "Infinity", "abc"}) {
      add("plot --height-mm " + h, 2, "", withArgs(plot, "--height-mm", h));
    }
    add(
        "plot 2400 dpi x 2000 mm",
        2,
        "pixels",
        withArgs(plot, "--dpi", "2400", "--width-mm", "2000"));
    add(
        "plot 600 dpi x 2000 mm x 5000 mm",
        2,
        "pixels",
        withArgs(plot, "--dpi", "600", "--width-mm", "2000", "--height-mm", "5000"));
    add(
        "plot --error-bars foo",
        2,
        "foo",
        "plot",
        "followup",
        "--project",
        p,
        "--outcome",
        "Tuberculosis",
        "--out",
        png,
        "--error-bars",
        "foo");
    add("plot --sort foo", 2, "foo", withArgs(plot, "--sort", "foo"));
    add("plot --columns nofield", 2, "nofield", withArgs(plot, "--columns", "nofield"));
    add("plot --subgroup nofield", 2, "", withArgs(plot, "--subgroup", "nofield"));
    add("plot --measure XX", 2, "XX", withArgs(plot, "--measure", "XX"));
    add("plot --model XX", 2, "", withArgs(plot, "--model", "XX"));
    add("plot --test foo", 2, "foo", withArgs(plot, "--test", "foo"));
    add(
        "plot unknown outcome",
        2,
        "Nope",
        "plot",
        "forest",
        "--project",
        p,
        "--outcome",
        "Nope",
        "--out",
        png);
    add("plot --timepoint 99", 2, "", withArgs(plot, "--timepoint", "99"));
    add(
        "plot --out into a file as folder",
        2,
        "",
        "plot",
        "forest",
        "--project",
        p,
        "--outcome",
        "Tuberculosis",
        "--out",
        csvOk.resolveSibling("ok.csv").resolve("x.png").toString());
    // export
    add(
        "export unknown format",
        2,
        "pdf",
        "export",
        "pdf",
        "--project",
        p,
        "--out",
        out.resolve("e.pdf").toString());
    add("export --lang fr", 2, "fr", withArgs(export, "--lang", "fr"));
    add("export --tables foo", 2, "foo", withArgs(export, "--tables", "foo"));
    add("export --layout none", 2, "none", withArgs(export, "--layout", "none"));
    add(
        "export --out a project",
        2,
        "",
        "export",
        "xlsx",
        "--project",
        p,
        "--out",
        out.resolve("x.ewb").toString());
    add("export --out over the project", 2, "", "export", "xlsx", "--project", p, "--out", p);
    add("export missing --out", 2, "", "export", "xlsx", "--project", p);
    // new
    add("new over an existing file", 2, "ok.csv", "new", csvOk.toString(), "--title", "t");
    add(
        "new in a missing folder",
        2,
        "",
        "new",
        in.resolve("nofolder/x.ewb").toString(),
        "--title",
        "t");
  }

  // ------------------------------------------------------------------ running

  static Map<String, String> fingerprint(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.toList()) {
        String key = dir.relativize(f).toString();
        if (Files.isRegularFile(f)) {
          m.put(key, sha256(f));
        } else {
          m.put(key, Files.isDirectory(f) ? "dir" : "other");
        }
      }
    }
    return m;
  }

  static String sha256(Path f) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputGetsItsExitCodeAPlainMessageAndLeavesTheInputsAlone() {
    assertTrue(CASES.size() >= 200, "corpus size " + CASES.size());
    return CASES.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      long t0 = System.nanoTime();
                      Map<String, String> before = fingerprint(in);
                      CliTestSupport.Run r = CliTestSupport.run(c.args());
                      String all = r.err() + r.out();
                      assertEquals(c.exit(), r.exitCode(), () -> c.name() + ": " + all);
                      if (c.exit() != 0) {
                        // validate reports its problems on stdout; every refusal on stderr
                        String msg = c.exit() == 1 && r.err().isBlank() ? r.out() : r.err();
                        assertFalse(msg.isBlank(), () -> c.name() + ": no message");
                      }
                      assertFalse(JAVA.matcher(all).find(), () -> "Java names in: " + all);
                      assertTrue(
                          all.contains(c.mustContain()),
                          () -> "message should name '" + c.mustContain() + "': " + all);
                      assertEquals(before, fingerprint(in), "an input file or side file changed");
                      double s = (System.nanoTime() - t0) / 1e9;
                      if (s > 2) {
                        System.out.printf("corpus case '%s' took %.1f s%n", c.name(), s);
                      }
                    }));
  }

  @AfterAll
  static void noOutputForRefusals() {
    // refusals write nothing where the output would go (successful runs may)
    assertTrue(Files.exists(out));
  }
}
