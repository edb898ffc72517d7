package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Legible by construction: LibreOffice prints the xlsx and the docx of both sample layouts to PDF
 * (A4 landscape, as the layouts ask), and every character on every page is at least 8 pt, the
 * smallest size journals accept in tables; the printed text holds every printed cell. The size of
 * each glyph is read with PDFBox from the PDF's text rendering matrix (font size times the text and
 * page scaling), so a sheet that LibreOffice shrinks to fit the page fails.
 *
 * <p>Skipped, saying so, when {@code soffice} is not installed; CI's {@code .ci/run} installs
 * libreoffice-calc-nogui and libreoffice-writer-nogui, and fonts-liberation2 (Times New Roman's
 * widths; with DejaVu Serif in its place LibreOffice shrinks the sheet, and the test fails saying
 * which font it printed with).
 */
class LegiblePrintTest {

  private static final double MIN_PT = 8.0;

  private static Path soffice;

  @TempDir Path dir;

  @BeforeAll
  static void findSoffice() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d, "soffice");
      if (Files.isExecutable(p)) {
        soffice = p;
        return;
      }
    }
  }

  /** What fontconfig gives for {@code family} ("Liberation Serif" for Times New Roman). */
  private static String fontFor(String family) {
    try {
      Process p = new ProcessBuilder("fc-match", family).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return out.isEmpty() ? "?" : out;
    } catch (IOException e) {
      return "? (fc-match: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private static ProjectData sample() {
    return SqliteProjectStore.readSnapshot(
        Path.of(System.getProperty("ewb.repo.dir", "."))
            .resolve("sample-projects/stem-cell-diabetes.ewb"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "Seed 002 表1, en, xlsx",
    "Seed 002 表1, zh, xlsx",
    "Seed 004 Table 2, en, xlsx",
    "Seed 004 Table 2, zh, xlsx",
    "Seed 002 表1, en, docx",
    "Seed 002 表1, zh, docx",
    "Seed 004 Table 2, en, docx",
    "Seed 004 Table 2, zh, docx"
  })
  void everyPrintedCharacterIsAtLeastEightPoints(String layout, String lang, String format)
      throws Exception {
    Assumptions.assumeTrue(
        soffice != null,
        "soffice (LibreOffice) is not on PATH: cannot print the export to check its font sizes;"
            + " install libreoffice-calc-nogui and libreoffice-writer-nogui to run this test");
    ProjectData data = sample();
    ExportOptions options =
        new ExportOptions(java.util.EnumSet.of(TableKind.CHARACTERISTICS), layout, lang);
    Path file = dir.resolve("table." + format);
    if (format.equals("xlsx")) {
      ProjectExporter.writeXlsx(data, options, file, ExportProgress.NONE);
    } else {
      ProjectExporter.writeDocx(data, options, file, ExportProgress.NONE);
    }
    Path pdf = toPdf(file);

    TreeMap<Double, Integer> sizes = new TreeMap<>();
    StringBuilder text = new StringBuilder();
    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      pages = doc.getNumberOfPages();
      assertEquals(
          595, Math.round(doc.getPage(0).getMediaBox().getHeight()), "A4 landscape (595 pt high)");
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String s, List<TextPosition> positions) throws IOException {
              for (TextPosition p : positions) {
                if (!p.getUnicode().isBlank()) {
                  // the text rendering matrix: font size x text matrix x page transformation
                  double pt = Math.abs(p.getTextMatrix().getScalingFactorY());
                  sizes.merge(Math.round(pt * 100) / 100.0, 1, Integer::sum);
                }
              }
              super.writeString(s, positions);
            }
          };
      text.append(stripper.getText(doc));
    }
    assertTrue(!sizes.isEmpty(), "no text in " + pdf);
    // superscript runs are printed smaller by design (exponents and marks, not body text): leave
    // out as many of the smallest glyphs as the table has script characters
    ExportTable t = ProjectExporter.tables(data, options).get(0);
    int scripts = scriptChars(t, pages, format.equals("xlsx"));
    List<Double> all = new ArrayList<>();
    sizes.forEach(
        (size, n) -> {
          for (int i = 0; i < n; i++) {
            all.add(size);
          }
        });
    assertTrue(all.size() > scripts, "fewer glyphs than script characters");
    double smallestBody = all.get(scripts);
    assertTrue(
        smallestBody >= MIN_PT,
        layout
            + " "
            + lang
            + " "
            + format
            + ": smallest body text "
            + smallestBody
            + " pt; sizes "
            + sizes
            + "; Times New Roman prints as "
            + fontFor("Times New Roman")
            + " here (a font with other widths than Times New Roman's makes LibreOffice shrink"
            + " the sheet to fit: install fonts-liberation2, as .ci/run does)");
    // every printed cell reached the paper (whitespace and line breaks aside)
    String flat = text.toString().replaceAll("\\s+", "");
    List<String> missing = new ArrayList<>();
    for (List<ExportCell> row : t.rows()) {
      for (ExportCell c : row) {
        String want = RichTextFlat.of(c.displayText()).replaceAll("\\s+", "");
        String asGlyphs = c.displayText().replaceAll("\\s+", "");
        if (!want.isEmpty() && !flat.contains(want) && !flat.contains(asGlyphs)) {
          missing.add(want);
        }
      }
    }
    assertTrue(missing.isEmpty(), "not in the printed text: " + missing);
  }

  /**
   * Characters printed as super- or subscript in the title, headings (on each of {@code pages}),
   * cells and footnotes.
   */
  private static int scriptChars(ExportTable t, int pages, boolean sheet) {
    List<String> texts = new ArrayList<>();
    texts.add(t.title());
    // the heading rows are repeated on every page
    for (int p = 0; p < pages; p++) {
      t.header().forEach(h -> texts.add(h.text()));
    }
    // a sheet shows a number's mark through its number format, as a plain character
    t.rows()
        .forEach(
            r -> r.forEach(c -> texts.add(c.isNumber() && sheet ? "" : c.text() + c.marker())));
    texts.addAll(t.footnotes());
    int n = 0;
    for (String s : texts) {
      for (RichText.Run r : RichText.runs(s)) {
        if (r.position() != RichText.Position.NORMAL) {
          n += r.text().replaceAll("\\s", "").length();
        }
      }
    }
    return n;
  }

  private Path toPdf(Path file) throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Process p =
        new ProcessBuilder(
                soffice.toString(),
                "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                out.toString(),
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("soffice.log").toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("soffice did not finish within 180 s");
    }
    String name = file.getFileName().toString().replaceAll("\\.[a-z]+$", ".pdf");
    Path pdf = out.resolve(name);
    assertTrue(
        Files.isRegularFile(pdf),
        "no PDF from soffice: " + Files.readString(dir.resolve("soffice.log")));
    return pdf;
  }

  /** Cell text as printed: scripts on the base line (the PDF's text has plain digits). */
  static final class RichTextFlat {
    static String of(String s) {
      StringBuilder b = new StringBuilder();
      RichText.runs(s).forEach(r -> b.append(r.text()));
      return b.toString();
    }
  }
}
