package org.ewb.logic.figure.export;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.ewb.logic.figure.DisplayList;
import org.ewb.logic.figure.Figure;
import org.ewb.logic.figure.FigureFonts;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Figure} as PNG (at a DPI, with the DPI stored in the pHYs chunk), SVG (JFreeSVG,
 * text as text) or PDF (OpenPDF, text as selectable text with embedded font subsets), all through
 * the figure's one drawing routine. Sizes are in millimetres; a height of 0 or less means the
 * figure's own preferred height at that width.
 */
public final class FigureExporter {

  private static final Logger LOG = LoggerFactory.getLogger(FigureExporter.class);
  private static final double PT_PER_MM = 72 / 25.4;

  /** Output format, chosen from the file extension. */
  public enum Format {
    PNG,
    SVG,
    PDF;

    /** The format of a file name (.png, .svg, .pdf), or a usage error naming the file. */
    public static Format of(Path file) {
      String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
      for (Format f : values()) {
        if (n.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE,
          Localization.lang("figure.error.format", file.getFileName().toString()));
    }
  }

  /** What was written: the size in mm and, for PNG, in pixels. */
  public record Result(
      Path file, Format format, double widthMm, double heightMm, int widthPx, int heightPx) {}

  /** Smallest and largest figure side in mm (a PDF page cannot exceed 14,400 pt = 5,080 mm). */
  public static final double MIN_MM = 20;

  public static final double MAX_MM = 5000;

  /** Largest raster figure: 60 megapixels (240 MB as RGB; a 600 dpi A2 poster fits). */
  public static final long MAX_PIXELS = 60_000_000L;

  private FigureExporter() {}

  /** Writes {@code figure} to {@code file} in the format of its extension. */
  public static Result export(Figure figure, Path file, double widthMm, double heightMm, int dpi) {
    Format format = Format.of(file);
    if (!(widthMm >= MIN_MM && widthMm <= 2000)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("figure.error.width2", mm(widthMm)));
    }
    if (heightMm != 0 && !(heightMm >= MIN_MM && heightMm <= MAX_MM)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE,
          Localization.lang("figure.error.height", mm(heightMm), mm(MAX_MM)));
    }
    if (format == Format.PNG && (dpi < 36 || dpi > 2400)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("figure.error.dpi", dpi));
    }
    double wPt = widthMm * PT_PER_MM;
    double hPt = heightMm > 0 ? heightMm * PT_PER_MM : Math.ceil(figure.preferredHeightPt(wPt));
    double hMm = hPt / PT_PER_MM;
    if (hMm > MAX_MM) {
      // the figure's own height (very many studies): refused before anything is drawn
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          Localization.lang("figure.error.tooTall", mm(hMm), mm(MAX_MM)));
    }
    if (format == Format.PNG) {
      long px = (long) pixels(wPt, dpi) * pixels(hPt, dpi);
      if (px > MAX_PIXELS) {
        throw new WorkbenchException(
            WorkbenchException.Kind.USAGE,
            Localization.lang(
                "figure.error.pixels",
                pixels(wPt, dpi),
                pixels(hPt, dpi),
                String.format(Locale.ROOT, "%.0f", px / 1e6),
                String.format(Locale.ROOT, "%.0f", MAX_PIXELS / 1e6)));
      }
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return switch (format) {
        case PNG -> {
          BufferedImage img = png(figure, wPt, hPt, dpi);
          writePng(img, dpi, file);
          yield new Result(file, format, widthMm, hMm, img.getWidth(), img.getHeight());
        }
        case SVG -> {
          Files.writeString(file, svg(figure, wPt, hPt), StandardCharsets.UTF_8);
          yield new Result(file, format, widthMm, hMm, 0, 0);
        }
        case PDF -> {
          try (OutputStream out = Files.newOutputStream(file)) {
            pdf(figure, wPt, hPt, out);
          }
          yield new Result(file, format, widthMm, hMm, 0, 0);
        }
      };
    } catch (IOException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE,
          Localization.lang("figure.error.write", file.toString(), e.getMessage()),
          e);
    }
  }

  private static String mm(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  /** Pixels for a length in points at a DPI (mm / 25.4 x dpi). */
  public static int pixels(double pt, int dpi) {
    return (int) Math.round(pt / 72.0 * dpi);
  }

  /** Draws the figure into an RGB image of {@code wPt x hPt} points at {@code dpi}. */
  public static BufferedImage png(Figure figure, double wPt, double hPt, int dpi) {
    BufferedImage img =
        new BufferedImage(pixels(wPt, dpi), pixels(hPt, dpi), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(dpi / 72.0, dpi / 72.0);
      figure.draw(g, wPt, hPt);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** The figure as an SVG document; 1 user unit = 1 pt, so the file has its exact physical size. */
  public static String svg(Figure figure, double wPt, double hPt) {
    SVGGraphics2D g = new SVGGraphics2D(wPt, hPt, SVGUnits.PT);
    g.setFontFunction(family -> FigureFonts.SVG_FAMILY_LIST);
    figure.draw(g, wPt, hPt);
    // no DOCTYPE: SVG 2 drops it, and a DTD reference makes XML tools fetch it from the network
    // the viewBox makes one user unit one point at the stated physical width and height
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + g.getSVGElement(null, true, new ViewBox(0, 0, wPt, hPt), null, null)
        + "\n";
  }

  /** Writes the figure as a one-page PDF of {@code wPt x hPt} points. */
  public static void pdf(Figure figure, double wPt, double hPt, OutputStream out) {
    Document doc = new Document(new Rectangle((float) wPt, (float) hPt), 0, 0, 0, 0);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    doc.addCreator("Evidence Workbench");
    doc.open();
    PdfContentByte cb = writer.getDirectContent();
    PdfFontMapper mapper = new PdfFontMapper();
    String family = FigureFonts.familyFor(figure.allText());
    DisplayList probe = new DisplayList(family);
    boolean embed = mapper.canEmbed(probe.font(10, false)) && mapper.canEmbed(probe.font(10, true));
    Graphics2D g;
    if (embed) {
      g = cb.createGraphics((float) wPt, (float) hPt, mapper);
    } else {
      // no font file to embed (e.g. only a logical font): text becomes outlines, still exact
      LOG.warn("No embeddable font file for '{}': PDF text is drawn as outlines", family);
      g = cb.createGraphicsShapes((float) wPt, (float) hPt);
    }
    try {
      figure.draw(g, wPt, hPt);
    } finally {
      g.dispose();
    }
    doc.close();
  }

  private static void writePng(BufferedImage img, int dpi, Path file) throws IOException {
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("png");
    ImageWriter writer = it.next();
    try (OutputStream os = Files.newOutputStream(file);
        ImageOutputStream out = ImageIO.createImageOutputStream(os)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata meta =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
      String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
      IIOMetadataNode phys = new IIOMetadataNode("pHYs");
      phys.setAttribute("pixelsPerUnitXAxis", ppm);
      phys.setAttribute("pixelsPerUnitYAxis", ppm);
      phys.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(phys);
      meta.mergeTree("javax_imageio_png_1.0", root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, meta), param);
    } finally {
      writer.dispose();
    }
  }
}
