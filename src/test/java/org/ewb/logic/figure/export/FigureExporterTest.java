package org.ewb.logic.figure.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.ewb.logic.figure.DisplayList;
import org.ewb.logic.figure.Figure;
import org.ewb.logic.figure.FigureFonts;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/** PNG, SVG and PDF exports of one figure: physical size, resolution and text. */
class FigureExporterTest {

  /** A small figure with Latin, Greek and Chinese text and one rectangle. */
  static final class TextFigure implements Figure {
    static final String LATIN = "Aronson 1948 0.41 [0.13, 1.26]";
    static final String GREEK = "τ² = 0.31; I² = 92%";
    static final String CHINESE = "糖化血红蛋白 随访 36 个月";

    @Override
    public double preferredHeightPt(double widthPt) {
      return 100;
    }

    @Override
    public String allText() {
      return LATIN + GREEK + CHINESE;
    }

    @Override
    public void draw(Graphics2D g, double widthPt, double heightPt) {
      DisplayList dl = new DisplayList(FigureFonts.familyFor(allText()));
      dl.text(LATIN, 10, 20, DisplayList.Align.LEFT, dl.font(8, false));
      dl.text(GREEK, 10, 40, DisplayList.Align.LEFT, dl.font(7.75, true));
      dl.text(CHINESE, 10, 60, DisplayList.Align.LEFT, dl.font(8, false));
      dl.fill(new Rectangle2D.Double(widthPt - 30, 10, 20, 20), java.awt.Color.BLUE);
      dl.paint(g, widthPt, heightPt);
    }
  }

  @TempDir Path dir;

  @Test
  void pngPixelSizeIsMillimetresTimesDpiAndStoresTheDpi() throws IOException {
    Path file = dir.resolve("f.png");
    FigureExporter.Result r = FigureExporter.export(new TextFigure(), file, 170, 80, 300);
    // 170 mm / 25.4 * 300 = 2007.87 -> 2008; 80 mm -> 944.88 -> 945
    assertEquals(2008, r.widthPx());
    assertEquals(945, r.heightPx());
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(2008, img.getWidth());
    assertEquals(945, img.getHeight());
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      IIOMetadata meta = reader.getImageMetadata(0);
      Node phys = find(meta.getAsTree("javax_imageio_png_1.0"), "pHYs");
      // 300 dpi = 11811 pixels per metre
      assertEquals("11811", phys.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue());
      assertEquals("meter", phys.getAttributes().getNamedItem("unitSpecifier").getNodeValue());
      reader.dispose();
    }
  }

  @Test
  void pngHeightDefaultsToTheFiguresPreferredHeight() {
    FigureExporter.Result r =
        FigureExporter.export(new TextFigure(), dir.resolve("f.png"), 100, 0, 72);
    // 100 pt preferred height at 72 dpi = 100 px
    assertEquals(100, r.heightPx());
    assertEquals(100 * 25.4 / 72, r.heightMm(), 1e-9);
  }

  @Test
  void svgHasItsPhysicalSizeInPointsAndTextAsText() throws IOException {
    Path file = dir.resolve("f.svg");
    FigureExporter.export(new TextFigure(), file, 170, 80, 300);
    String svg = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(svg.contains("width='481.8897637795276pt'"), svg.substring(0, 300));
    assertTrue(
        svg.matches("(?s).*viewBox='0\\.0 0\\.0 481\\.889763779527\\d* 226\\.77165354330\\d*'.*"),
        svg.substring(0, 400));
    assertTrue(svg.contains(">" + TextFigure.CHINESE + "<"));
    assertTrue(svg.contains(">" + TextFigure.GREEK + "<"));
    // a fractional size is written 4x larger and scaled down, so it stays exact
    assertTrue(svg.contains("font-size: 31px"));
  }

  @Test
  void pdfTextIsExtractableIncludingChineseAndGreek() throws IOException {
    Path file = dir.resolve("f.pdf");
    FigureExporter.export(new TextFigure(), file, 170, 80, 300);
    PdfReader reader = new PdfReader(file.toString());
    try {
      com.lowagie.text.Rectangle page = reader.getPageSize(1);
      assertEquals(481.89, page.getWidth(), 0.01);
      assertEquals(226.77, page.getHeight(), 0.01);
      String text = new PdfTextExtractor(reader).getTextFromPage(1);
      assertTrue(text.contains(TextFigure.LATIN), text);
      assertTrue(text.contains(TextFigure.GREEK), text);
      assertTrue(text.contains(TextFigure.CHINESE), text);
    } finally {
      reader.close();
    }
  }

  @Test
  void pdfTextIsExtractableWithPopplerWhenInstalled() throws Exception {
    Path file = dir.resolve("f.pdf");
    FigureExporter.export(new TextFigure(), file, 170, 80, 300);
    String text;
    try {
      Process p = new ProcessBuilder("pdftotext", file.toString(), "-").start();
      text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("pdftotext (poppler-utils) not installed");
      return;
    }
    assertTrue(text.contains(TextFigure.CHINESE), text);
    assertTrue(text.contains(TextFigure.GREEK), text);
  }

  @Test
  void unknownExtensionIsAUsageErrorNamingTheFile() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> FigureExporter.export(new TextFigure(), dir.resolve("figure.jpg"), 170, 0, 300));
    assertEquals(WorkbenchException.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("figure.jpg"));
  }

  @Test
  void absurdDpiIsAUsageError() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> FigureExporter.export(new TextFigure(), dir.resolve("f.png"), 170, 0, 100000));
    assertEquals(WorkbenchException.Kind.USAGE, e.kind());
  }

  private static Node find(Node root, String name) {
    Node n = search(root, name);
    if (n == null) {
      throw new AssertionError("no " + name + " in PNG metadata");
    }
    return n;
  }

  private static Node search(Node n, String name) {
    if (name.equals(n.getNodeName())) {
      return n;
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      Node f = search(c, name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
