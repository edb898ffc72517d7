package org.ewb.logic.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewb.model.GlossaryEntry;
import org.ewb.model.LayoutCell;
import org.ewb.model.LayoutColumn;
import org.ewb.model.Provenance;
import org.ewb.model.ProvenanceSource;
import org.ewb.model.WorkbenchException;

/**
 * The transcription of the two printed tables the stem-cell sample reproduces ({@code
 * sample-projects/sources/printed-tables/}): seed 002's 表1 and seed 004's Table 2, every cell in
 * English and Chinese as the table prints it, the notes that become footnote marks, and the
 * glossary of abbreviations. A table file has a row per (printed row, language): {@code row}
 * ("head" for the headings, else the printed row number), {@code lang} and one column per printed
 * column ({@code c01}, {@code c02}, ...). ADR 0120.
 */
public final class PrintedTables {

  /** One printed table: headings and body cells per language, and notes per cell. */
  public record Table(
      String name,
      String source,
      int columns,
      Map<String, List<String>> headings,
      Map<Integer, Map<String, List<String>>> rows,
      Map<String, String[]> notes) {

    /** The cell of printed row {@code row} (1-based) and column {@code col} (0-based). */
    public String cell(int row, int col, String lang) {
      Map<String, List<String>> r = rows.get(row);
      if (r == null || !r.containsKey(lang)) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA, name + ": no row " + row + " in " + lang);
      }
      return r.get(lang).get(col);
    }

    /** The note (English, Chinese) of a cell, or null. */
    public String[] note(int row, int col) {
      return notes.get(row + ":" + col);
    }

    public int rowCount() {
      return rows.size();
    }
  }

  public static final String SEED_002 = "seed002-table1";
  public static final String SEED_004 = "seed004-table2";

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final List<GlossaryEntry> glossary = new ArrayList<>();

  private PrintedTables() {}

  /** Reads the transcription from {@code dir} (the {@code printed-tables} folder). */
  public static PrintedTables read(Path dir) {
    PrintedTables p = new PrintedTables();
    p.tables.put(SEED_002, table(dir, SEED_002, "Seed 002 表1", 12));
    p.tables.put(SEED_004, table(dir, SEED_004, "Seed 004 Table 2", 13));
    CsvTable notes = CsvTable.read(dir.resolve("notes.csv"), "table", "row", "column", "note_en");
    for (CsvTable.Row r : notes.rows()) {
      Table t = p.tables.get(r.get("table"));
      if (t == null) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            notes.file() + " line " + r.line() + ": no table '" + r.get("table") + "'");
      }
      int row = Integer.parseInt(r.get("row"));
      int col = Integer.parseInt(r.get("column").substring(1)) - 1;
      if (!t.rows().containsKey(row) || col < 0 || col >= t.columns()) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            notes.file() + " line " + r.line() + ": no cell row " + row + " " + r.get("column"));
      }
      t.notes().put(row + ":" + col, new String[] {r.get("note_en"), r.get("note_zh")});
    }
    for (CsvTable.Row r :
        CsvTable.read(dir.resolve("glossary.csv"), "abbreviation", "en", "zh").rows()) {
      p.glossary.add(new GlossaryEntry(r.get("abbreviation"), r.get("en"), r.get("zh")));
    }
    return p;
  }

  private static Table table(Path dir, String stem, String source, int columns) {
    String[] cols = new String[columns + 2];
    cols[0] = "row";
    cols[1] = "lang";
    for (int i = 0; i < columns; i++) {
      cols[i + 2] = String.format("c%02d", i + 1);
    }
    CsvTable csv = CsvTable.read(dir.resolve(stem + ".csv"), cols);
    Map<String, List<String>> headings = new LinkedHashMap<>();
    Map<Integer, Map<String, List<String>>> rows = new LinkedHashMap<>();
    for (CsvTable.Row r : csv.rows()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        // keep line breaks inside a cell; strip only the ends
        cells.add(r.cells().get(cols[i + 2]).strip());
      }
      String lang = r.get("lang");
      if (!lang.equals("en") && !lang.equals("zh")) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            csv.file() + " line " + r.line() + ": language '" + lang + "' is not en or zh");
      }
      if (r.get("row").equals("head")) {
        headings.put(lang, List.copyOf(cells));
      } else {
        rows.computeIfAbsent(Integer.parseInt(r.get("row")), k -> new LinkedHashMap<>())
            .put(lang, List.copyOf(cells));
      }
    }
    return new Table(stem, source, columns, headings, rows, new LinkedHashMap<>());
  }

  public Table table(String stem) {
    return tables.get(stem);
  }

  public List<GlossaryEntry> glossary() {
    return List.copyOf(glossary);
  }

  /** The printed headings of {@code t} as layout columns named by {@code keys} (one per column). */
  static List<LayoutColumn> columns(Table t, long layoutId, List<String> keys) {
    check(t, keys);
    List<LayoutColumn> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      out.add(
          new LayoutColumn(
              layoutId,
              keys.get(i),
              t.headings().get("en").get(i),
              t.headings().get("zh").get(i),
              "",
              ""));
    }
    return out;
  }

  /**
   * The printed cells of {@code t} for a layout: row {@code r} is study {@code studyOfRow.get(r)};
   * the column with key {@link LayoutColumn#NUMBER} is left out (the layout numbers its rows).
   */
  static List<LayoutCell> cells(
      Table t, long layoutId, List<String> keys, Map<Integer, Long> studyOfRow) {
    check(t, keys);
    List<LayoutCell> out = new ArrayList<>();
    for (int row : t.rows().keySet()) {
      Long study = studyOfRow.get(row);
      if (study == null) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            t.source() + ": printed row " + row + " belongs to no study of the sample");
      }
      for (int col = 0; col < keys.size(); col++) {
        if (keys.get(col).equals(LayoutColumn.NUMBER)) {
          continue;
        }
        String en = t.cell(row, col, "en");
        String zh = t.cell(row, col, "zh");
        String[] note = t.note(row, col);
        String location =
            t.source() + ", row " + row + ", column '" + t.headings().get("en").get(col) + "'";
        out.add(
            new LayoutCell(
                layoutId,
                study,
                keys.get(col),
                en,
                zh,
                new Provenance(
                    ProvenanceSource.TABLE,
                    location,
                    "",
                    "printed value; transcription in sample-projects/sources/printed-tables"),
                note == null ? "" : note[0],
                note == null ? "" : note[1]));
      }
    }
    return out;
  }

  private static void check(Table t, List<String> keys) {
    if (keys.size() != t.columns()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          t.source() + ": the layout has " + keys.size() + " columns, the table " + t.columns());
    }
  }
}
