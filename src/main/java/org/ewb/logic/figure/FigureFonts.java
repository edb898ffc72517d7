package org.ewb.logic.figure;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the font family for figures: one that displays every label, Chinese included. Noto Sans
 * CJK SC (Debian package {@code fonts-noto-cjk}, installed by CI) is preferred because it covers
 * Latin, Greek (τ) and CJK in one consistent design; then other common CJK families; then the
 * logical font "SansSerif", which Java maps to whatever the system has.
 */
public final class FigureFonts {

  private static final Logger LOG = LoggerFactory.getLogger(FigureFonts.class);

  /** Preferred families, best first. */
  public static final List<String> PREFERRED =
      List.of(
          "Noto Sans CJK SC",
          "Source Han Sans SC",
          "Noto Sans SC",
          "Microsoft YaHei",
          "PingFang SC",
          "WenQuanYi Micro Hei",
          "Droid Sans Fallback");

  /** Families with a real bold face for texts without CJK when no preferred family is there. */
  static final List<String> LATIN_WITH_BOLD =
      List.of("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "FreeSans");

  /**
   * The SVG font-family list: viewers pick the first one they have. Double quotes, because JFreeSVG
   * writes attributes in single quotes.
   */
  public static final String SVG_FAMILY_LIST =
      "\"Noto Sans CJK SC\", \"Source Han Sans SC\", "
          + "\"Noto Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", \"WenQuanYi Micro Hei\", "
          + "sans-serif";

  private static volatile Set<String> installed;

  private FigureFonts() {}

  /** The family to draw {@code text} with (never null). */
  public static String familyFor(String text) {
    Set<String> have = installed();
    for (String family : PREFERRED) {
      if (have.contains(family) && new Font(family, Font.PLAIN, 10).canDisplayUpTo(text) == -1) {
        return family;
      }
    }
    // a real family with a bold face before the logical SansSerif: a PDF drawn with a logical
    // font's bold gets a stroked ("fake") bold from the PDF writer
    for (String family : LATIN_WITH_BOLD) {
      if (have.contains(family) && new Font(family, Font.PLAIN, 10).canDisplayUpTo(text) == -1) {
        return family;
      }
    }
    if (new Font(Font.SANS_SERIF, Font.PLAIN, 10).canDisplayUpTo(text) != -1) {
      LOG.warn("No installed font displays every figure label; install fonts-noto-cjk");
    }
    return Font.SANS_SERIF;
  }

  private static Set<String> installed() {
    Set<String> s = installed;
    if (s == null) {
      s =
          Arrays.stream(
                  GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
              .collect(Collectors.toUnmodifiableSet());
      installed = s;
    }
    return s;
  }
}
