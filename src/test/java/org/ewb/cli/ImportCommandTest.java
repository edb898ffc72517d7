package org.ewb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import references|data} end to end, the "done when" of issue 12. */
class ImportCommandTest {

  private static final Path FIXTURES = Path.of("src/test/resources/importing");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CliTestSupport.Run ok(String... args) {
    CliTestSupport.Run r = CliTestSupport.run(args);
    assertEquals(0, r.exitCode(), r.err() + r.out());
    return r;
  }

  private static JsonNode json(String... args) throws IOException {
    return JSON.readTree(ok(args).out());
  }

  static final String LONG =
      "study,arm,role,outcome,kind,unit,months,events,total\n"
          + "Hu 2013,MSC,experimental,Insulin independence,dichotomous,,12,3,15\n"
          + "Hu 2013,Control,control,Insulin independence,dichotomous,,12,1,14\n"
          + "Li 2016,MSC,experimental,Insulin independence,dichotomous,,12,5,30\n"
          + "Li 2016,Placebo,control,Insulin independence,dichotomous,,12,2,31\n"
          + "胡建新 2015,UC-MSC,experimental,Insulin independence,dichotomous,,12,4,20\n"
          + "胡建新 2015,对照,control,Insulin independence,dichotomous,,12,1,20\n";

  static final String WIDE =
      "study,events_e,total_e,events_c,total_c\n"
          + "Hu 2013,3,15,1,14\nLi 2016,5,30,2,31\n胡建新 2015,4,20,1,20\n";

  @Test
  void fourFormatsThenLongDataAnalyseLikeTheCsv() throws IOException {
    Path p = dir.resolve("review.ewb");
    ok("new", p.toString(), "--title", "import");
    int[] created = new int[4];
    String[] files = {"three.ris", "three.nbib", "three.bib", "three.xml"};
    for (int i = 0; i < files.length; i++) {
      JsonNode r =
          json(
              "import",
              "references",
              FIXTURES.resolve(files[i]).toString(),
              "--project",
              p.toString(),
              "--json");
      created[i] = r.get("studiesCreated").asInt();
      assertEquals(4, r.get("records").asInt());
      // each file holds one duplicate of another of its records, or (after the first) of studies
      assertTrue(r.get("duplicates").size() >= 1, files[i]);
      for (JsonNode d : r.get("duplicates")) {
        assertTrue(d.get("certain").asBoolean() && d.get("merged").asBoolean(), d.toString());
      }
    }
    assertEquals(3, created[0]);
    assertEquals(0, created[1] + created[2] + created[3]);
    JsonNode info = json("info", p.toString(), "--json");
    assertEquals(3, info.get("studies").asInt());

    Path data = dir.resolve("long.csv");
    Files.writeString(data, LONG, StandardCharsets.UTF_8);
    JsonNode imp = json("import", "data", data.toString(), "--project", p.toString(), "--json");
    assertEquals(0, imp.get("studiesCreated").asInt(), "the studies came from the references");
    assertEquals(6, imp.get("measurements").asInt());
    Path csv = dir.resolve("wide.csv");
    Files.writeString(csv, WIDE, StandardCharsets.UTF_8);
    String[] model = {"--measure", "RR", "--model", "REML", "--json"};
    JsonNode fromProject =
        json(
            concat(
                new String[] {
                  "analyze", "--project", p.toString(), "--outcome", "Insulin independence"
                },
                model));
    JsonNode fromCsv = json(concat(new String[] {"analyze", "--csv", csv.toString()}, model));
    assertEquals(3, fromProject.get("k").asInt());
    for (String f : new String[] {"estimate", "se", "ci_lb", "ci_ub", "tau2", "QE", "pval"}) {
      assertEquals(fromCsv.get(f).asDouble(), fromProject.get(f).asDouble(), 0.0, f);
    }
    assertEquals(fromCsv.get("studies"), fromProject.get("studies"));
  }

  @Test
  void bcgExportedAndImportedAnalysesTheSame() throws IOException {
    Path bcg = Path.of("sample-projects/bcg-vaccine.ewb");
    Path out = dir.resolve("csv");
    ok("export", "csv", "--project", bcg.toString(), "--out", out + "/", "--tables", "outcomes");
    Path table = out.resolve("outcome-tuberculosis.csv");
    assertTrue(Files.exists(table));
    Path p = dir.resolve("bcg.ewb");
    ok("new", p.toString());
    JsonNode imp = json("import", "data", table.toString(), "--project", p.toString(), "--json");
    assertEquals("exported", imp.get("layout").asText());
    assertEquals(13, imp.get("studiesCreated").asInt());
    assertEquals(26, imp.get("measurements").asInt());
    String[] args = {"--outcome", "Tuberculosis", "--measure", "RR", "--model", "REML", "--json"};
    String original = ok(concat(new String[] {"analyze", "--project", bcg.toString()}, args)).out();
    String roundTrip = ok(concat(new String[] {"analyze", "--project", p.toString()}, args)).out();
    assertEquals(original, roundTrip);
  }

  @Test
  void conflictingDataIsRefusedWholeNamingTheLine() throws IOException {
    Path p = dir.resolve("c.ewb");
    ok("new", p.toString());
    Path data = dir.resolve("long.csv");
    Files.writeString(data, LONG, StandardCharsets.UTF_8);
    ok("import", "data", data.toString(), "--project", p.toString());
    // same file again: identical values are fine (nothing changes)
    ok("import", "data", data.toString(), "--project", p.toString());
    Path changed = dir.resolve("changed.csv");
    Files.writeString(
        changed,
        LONG.replace(
                "Li 2016,MSC,experimental,Insulin independence,dichotomous,,12,5,30",
                "Li 2016,MSC,experimental,Insulin independence,dichotomous,,12,6,30")
            + "New 2020,MSC,experimental,Insulin independence,dichotomous,,12,1,10\n",
        StandardCharsets.UTF_8);
    CliTestSupport.Run r =
        CliTestSupport.run("import", "data", changed.toString(), "--project", p.toString());
    assertEquals(1, r.exitCode(), "a data problem: exit 1, as every command (issue 10)");
    assertTrue(
        r.err().contains("changed.csv, line 4") && r.err().contains("Nothing was added"), r.err());
    JsonNode info = json("info", p.toString(), "--json");
    assertEquals(3, info.get("studies").asInt(), "New 2020 was not added");
    ok("import", "data", changed.toString(), "--project", p.toString(), "--replace");
    assertEquals(4, json("info", p.toString(), "--json").get("studies").asInt());
  }

  @Test
  void badReferenceFileIsRefusedWithExitTwo() throws IOException {
    Path p = dir.resolve("r.ewb");
    ok("new", p.toString());
    Path bad = dir.resolve("bad.ris");
    Files.writeString(bad, "TY  - JOUR\nTI  - One\nER  - \nTY  - JOUR\nTI  - Two\n");
    CliTestSupport.Run r =
        CliTestSupport.run("import", "references", bad.toString(), "--project", p.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("bad.ris, line 5") && r.err().contains("truncated"), r.err());
    assertEquals(0, json("info", p.toString(), "--json").get("studies").asInt());
  }

  @Test
  void dryRunChangesNothing() throws IOException {
    Path p = dir.resolve("d.ewb");
    ok("new", p.toString());
    JsonNode r =
        json(
            "import",
            "references",
            FIXTURES.resolve("three.ris").toString(),
            "--project",
            p.toString(),
            "--dry-run",
            "--json");
    assertEquals(3, r.get("studiesCreated").asInt());
    assertEquals(0, json("info", p.toString(), "--json").get("studies").asInt());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
