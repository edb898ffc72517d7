package org.ewb.logic.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.ewb.logic.l10n.Localization;

/**
 * What an xlsx workbook cannot hold, handled before POI sees it (ADR 0093):
 *
 * <ul>
 *   <li>a cell holds at most 32,767 characters: a longer text is cut with "…" and the mark ‡, the
 *       table gets a footnote, and a warning names the table, the study (the row's first text) and
 *       the field (the column's header);
 *   <li>POI's streaming writer keeps temporary files in {@code <tmp>/poifiles}, a folder the first
 *       user who exports owns: every user gets their own, {@code <tmp>/poifiles-<user>}.
 * </ul>
 */
public final class XlsxLimits {

  /** Excel's limit on the characters in one cell. */
  public static final int MAX_CELL_CHARS = 32_767;

  /** The mark of a cut text. */
  public static final String CUT_MARK = "‡";

  /** Tables that fit, and a warning per cut text. */
  public record Fitted(List<ExportTable> tables, List<String> warnings) {}

  private XlsxLimits() {}

  /** The tables with every over-long text cut to the cell limit (unchanged when none is). */
  public static Fitted fit(List<ExportTable> tables, String lang) {
    Locale loc = Localization.forLanguage(lang);
    List<ExportTable> out = new ArrayList<>(tables.size());
    List<String> warnings = new ArrayList<>();
    for (ExportTable t : tables) {
      boolean cutHere = false;
      List<List<ExportCell>> rows = new ArrayList<>(t.rows().size());
      for (List<ExportCell> row : t.rows()) {
        List<ExportCell> fitted = null;
        for (int c = 0; c < row.size(); c++) {
          ExportCell cell = row.get(c);
          if (cell.text().length() + cell.marker().length() <= MAX_CELL_CHARS) {
            continue;
          }
          if (fitted == null) {
            fitted = new ArrayList<>(row);
          }
          String marker = cell.marker() + CUT_MARK;
          String text = cut(cell.text(), MAX_CELL_CHARS - marker.length() - 1) + "…";
          fitted.set(
              c,
              new ExportCell(
                  cell.kind(),
                  text,
                  cell.number(),
                  cell.decimals(),
                  marker,
                  cell.invalid(),
                  cell.format()));
          warnings.add(
              Localization.lang(
                  loc,
                  "export.warn.cut",
                  t.name(),
                  studyOf(row, c),
                  fieldOf(t, c),
                  Integer.toString(cell.text().length()),
                  Integer.toString(MAX_CELL_CHARS)));
          cutHere = true;
        }
        rows.add(fitted == null ? row : fitted);
      }
      List<String> notes = new ArrayList<>();
      for (String n : t.footnotes()) {
        notes.add(n.length() > MAX_CELL_CHARS ? cut(n, MAX_CELL_CHARS - 1) + "…" : n);
      }
      if (cutHere) {
        notes.add(Localization.lang(loc, "export.note.cut", CUT_MARK, MAX_CELL_CHARS));
      }
      String title = t.title().length() > MAX_CELL_CHARS ? cut(t.title(), 1000) + "…" : t.title();
      out.add(
          cutHere || !notes.equals(t.footnotes()) || !title.equals(t.title())
              ? new ExportTable(
                  t.key(),
                  t.name(),
                  title,
                  t.headerRows(),
                  t.columns(),
                  t.header(),
                  rows,
                  notes,
                  t.narrowColumns())
              : t);
    }
    return new Fitted(List.copyOf(out), List.copyOf(warnings));
  }

  /** {@code s} cut to at most {@code max} chars, never between the halves of a surrogate pair. */
  static String cut(String s, int max) {
    int end = Math.min(max, s.length());
    if (end > 0 && end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String studyOf(List<ExportCell> row, int skip) {
    for (int c = 0; c < row.size(); c++) {
      ExportCell cell = row.get(c);
      if (c != skip && cell.kind() == ExportCell.Kind.TEXT && !cell.text().isBlank()) {
        return cut(cell.text(), 80);
      }
    }
    return "-";
  }

  private static String fieldOf(ExportTable t, int col) {
    HeaderCell best = null;
    for (HeaderCell h : t.header()) {
      if (col >= h.col() && col < h.col() + h.colSpan() && (best == null || h.row() > best.row())) {
        best = h;
      }
    }
    return best == null || best.text().isBlank() ? Integer.toString(col + 1) : best.text();
  }

  /**
   * Points POI's temporary files at a folder of this user's own ({@code <tmp>/poifiles-<user>},
   * owner-only where the file system has POSIX permissions). Idempotent.
   */
  public static synchronized void usePerUserTempFolder() throws IOException {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "poifiles-" + user);
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(dir); // not a POSIX file system (Windows): per-user %TEMP% anyway
      }
    }
    if (!Files.isWritable(dir)) {
      throw new IOException(dir + " is not writable");
    }
    TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
  }
}
