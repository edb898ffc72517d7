package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two table layouts of the committed stem-cell sample, exported in both languages, equal the
 * printed tables cell by cell: seed 002 表1 (5 rows x 12 columns) and seed 004 Table 2 (18 x 13).
 * Expected cells are read here, independently of the builder, from the transcription of the printed
 * tables ({@code sample-projects/sources/printed-tables/*.csv}, written from the seed texts); the
 * export runs on the committed {@code .ewb} file.
 */
class PrintedLayoutsTest {

  /** Words that name where a value came from; a printed cell never holds them. */
  private static final Pattern PROVENANCE =
      Pattern.compile(
          "(?i)seed|种子|\\(text|text:|narrative|as printed|transcri|\\[00\\d]|\\b00[0-4]\\b"
              + "|Table \\d|表\\s?\\d|\\(children\\)|placebo-controlled|derived|\\|");

  private static Path repo() {
    return Path.of(System.getProperty("ewb.repo.dir", "."));
  }

  private static ProjectData sample() {
    return SqliteProjectStore.readSnapshot(
        repo().resolve("sample-projects/stem-cell-diabetes.ewb"));
  }

  /** The printed table: "head" and row numbers, per language, the cells in printed order. */
  private static Map<String, List<String>> printed(String file, String lang) throws IOException {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Reader r =
            Files.newBufferedReader(
                repo().resolve("sample-projects/sources/printed-tables/" + file),
                StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, f)) {
      for (CSVRecord rec : p) {
        if (!rec.get("lang").equals(lang)) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (int i = 2; i < rec.size(); i++) {
          cells.add(rec.get(i).strip());
        }
        out.put(rec.get("row"), cells);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} ({2})")
  @CsvSource({
    "Seed 002 表1, seed002-table1.csv, en, 5, 12, Table 1. ",
    "Seed 002 表1, seed002-table1.csv, zh, 5, 12, 表1　",
    "Seed 004 Table 2, seed004-table2.csv, en, 18, 13, Table 2. ",
    "Seed 004 Table 2, seed004-table2.csv, zh, 18, 13, 表2　"
  })
  void everyCellEqualsThePrintedCell(
      String layout, String file, String lang, int rows, int columns, String titleStart)
      throws IOException {
    ProjectData data = sample();
    ExportTable t = CharacteristicsTableExporter.build(data, TableLayouts.find(data, layout), lang);
    Map<String, List<String>> expected = printed(file, lang);

    assertEquals(columns, t.columns(), "columns");
    assertEquals(rows, t.rows().size(), "rows");
    assertEquals(rows + 1, expected.size(), "the transcription has a heading and every row");
    assertEquals(1, t.headerRows(), "no group heading rows: the printed tables have none");
    assertEquals(expected.get("head"), t.flatHeader(), "headings");
    assertTrue(t.title().startsWith(titleStart), t.title());

    int compared = 0;
    for (int r = 0; r < rows; r++) {
      List<String> want = expected.get(Integer.toString(r + 1));
      for (int c = 0; c < columns; c++) {
        ExportCell cell = t.rows().get(r).get(c);
        String where = layout + " " + lang + " row " + (r + 1) + " column " + (c + 1);
        assertEquals(want.get(c), cell.text(), where);
        assertFalse(PROVENANCE.matcher(cell.text()).find(), where + ": " + cell.text());
        // numbers as numbers: a plain decimal is a numeric cell, anything else text
        assertEquals(ExportCell.isPlainDecimal(want.get(c)), cell.isNumber(), where + " numeric");
        compared++;
      }
    }
    assertEquals(rows * columns, compared);
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({
    "Seed 002 表1, en, 1",
    "Seed 002 表1, zh, 1",
    "Seed 004 Table 2, en, 4",
    "Seed 004 Table 2, zh, 4"
  })
  void notesBecomeFootnoteMarksInOrder(String layout, String lang, int notes) {
    ProjectData data = sample();
    ExportTable t = CharacteristicsTableExporter.build(data, TableLayouts.find(data, layout), lang);
    List<String> marks = new ArrayList<>();
    for (List<ExportCell> row : t.rows()) {
      for (ExportCell c : row) {
        if (!c.marker().isEmpty()) {
          marks.add(c.marker());
        }
      }
    }
    List<String> want = new ArrayList<>();
    for (int i = 0; i < notes; i++) {
      want.add(RichText.superMark(i));
    }
    assertEquals(want, marks, "marks a, b, ... in reading order");
    for (String m : want) {
      assertEquals(
          1,
          t.footnotes().stream().filter(f -> f.startsWith(m + " ")).count(),
          "one footnote for mark " + m + ": " + t.footnotes());
    }
    // abbreviations: one footnote, alphabetical, only abbreviations the table uses
    List<String> abbr =
        t.footnotes().stream()
            .filter(f -> f.startsWith("Abbreviations:") || f.startsWith("缩写："))
            .toList();
    assertEquals(1, abbr.size(), t.footnotes().toString());
    String list = abbr.get(0).substring(abbr.get(0).indexOf(lang.equals("zh") ? '：' : ':') + 1);
    List<String> keys = new ArrayList<>();
    for (String e : list.split(lang.equals("zh") ? "；" : "; ")) {
      keys.add(e.strip().split(lang.equals("zh") ? "，" : ", ")[0]);
    }
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    assertEquals(sorted, keys, "alphabetical");
    List<String> texts = new ArrayList<>();
    t.rows().forEach(r -> r.forEach(c -> texts.add(c.text())));
    t.header().forEach(h -> texts.add(h.text()));
    texts.add(t.title());
    for (String k : keys) {
      Pattern p = Abbreviations.pattern(k);
      assertTrue(texts.stream().anyMatch(x -> p.matcher(x).find()), k + " is not used");
    }
  }
}
