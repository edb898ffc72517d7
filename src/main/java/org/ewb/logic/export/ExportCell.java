package org.ewb.logic.export;

import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.ewb.model.CellText;

/**
 * One body cell of an exported table: text, a number, or empty. A number keeps the text it was
 * typed as ({@code "20.90"}), so CSV writes it unchanged and xlsx shows the typed number of
 * decimals. {@code marker} is a footnote mark shown after the value ("†" = derived); {@code
 * invalid} flags text that should have been a number (exported as typed, shaded in xlsx). A
 * computed number keeps full precision in {@code text} (for CSV) and is shown rounded to {@code
 * decimals}; {@code format}, if not empty, is the spreadsheet number format to use instead.
 */
public record ExportCell(
    Kind kind,
    String text,
    double number,
    int decimals,
    String marker,
    boolean invalid,
    String format) {

  /** What kind of cell this is. */
  public enum Kind {
    EMPTY,
    TEXT,
    NUMBER
  }

  /** A plain decimal number as reviewers type it: no exponent, no {@code +}, no NaN/Infinity. */
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  /** A number typed in scientific notation: digits, an optional point, e/E, an exponent. */
  private static final java.util.regex.Pattern SCIENTIFIC =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?[eE][+-]?\\d{1,3}");

  public static final ExportCell EMPTY = new ExportCell(Kind.EMPTY, "", 0, -1, "", false, "");

  /** Spreadsheet format of a p-value: three decimals, "<0.001" below that, the value kept. */
  public static final String P_FORMAT = "[<0.001]\"<0.001\";0.000";

  public ExportCell {
    text = text == null ? "" : text;
    marker = marker == null ? "" : marker;
    format = format == null ? "" : format;
  }

  public ExportCell(
      Kind kind, String text, double number, int decimals, String marker, boolean invalid) {
    this(kind, text, number, decimals, marker, invalid, "");
  }

  public static ExportCell text(String text) {
    return text == null || text.isEmpty()
        ? EMPTY
        : new ExportCell(Kind.TEXT, text, 0, -1, "", false);
  }

  /** An integer cell (the row number, a count). */
  public static ExportCell integer(long value) {
    return new ExportCell(Kind.NUMBER, Long.toString(value), value, 0, "", false);
  }

  /**
   * A computed number shown with a fixed number of decimals; the cell (and CSV) keeps the full
   * value. Empty if not finite.
   */
  public static ExportCell number(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return EMPTY;
    }
    String t = java.math.BigDecimal.valueOf(value).toPlainString();
    return new ExportCell(Kind.NUMBER, t, value, decimals, "", false, "");
  }

  /** A p-value: shown with three decimals, or "<0.001"; the cell keeps the value. */
  public static ExportCell pValue(double p) {
    ExportCell c = number(p, 3);
    return c.isEmpty() ? c : new ExportCell(Kind.NUMBER, c.text(), p, 3, "", false, P_FORMAT);
  }

  /** The text a reader sees: a computed number rounded to its decimals, otherwise the text. */
  public String displayText() {
    if (kind != Kind.NUMBER
        || decimals < 0
        || PLAIN_DECIMAL.matcher(text).matches() && decimalsOf(text) == decimals) {
      return text + marker;
    }
    if (format.equals(P_FORMAT) && number < 0.001) {
      return "<0.001";
    }
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", number) + marker;
  }

  private static int decimalsOf(String plain) {
    int dot = plain.indexOf('.');
    return dot < 0 ? 0 : plain.length() - dot - 1;
  }

  /**
   * A cell for text typed where a number is expected: a number if the text parses as the project's
   * grids parse it ({@link CellText#number()}), shown with the typed number of decimals when it is
   * a plain decimal; otherwise the text as typed, flagged invalid if {@code flagInvalid}.
   */
  public static ExportCell typed(String typed, boolean flagInvalid) {
    CellText ct = CellText.of(typed);
    if (ct.isEmpty()) {
      return EMPTY;
    }
    String t = ct.text();
    OptionalDouble d = ct.number();
    if (d.isPresent() && SCIENTIFIC.matcher(t).matches()) {
      // typed as 2.6e7: shown as 2.6E+07 (Excel's scientific format), never as 26000000
      int e = t.toLowerCase(java.util.Locale.ROOT).indexOf('e');
      int dot = t.indexOf('.');
      int k = dot < 0 || dot > e ? 0 : e - dot - 1;
      String format = "0" + (k > 0 ? "." + "0".repeat(k) : "") + "E+00";
      return new ExportCell(Kind.NUMBER, t, d.getAsDouble(), -1, "", false, format);
    }
    if (d.isPresent()) {
      int decimals = -1;
      if (PLAIN_DECIMAL.matcher(t).matches()) {
        int dot = t.indexOf('.');
        decimals = dot < 0 ? 0 : t.length() - dot - 1;
      }
      return new ExportCell(Kind.NUMBER, t, d.getAsDouble(), decimals, "", false);
    }
    return new ExportCell(Kind.TEXT, t, 0, -1, "", flagInvalid);
  }

  /** {@link #typed(String, boolean)} for a grid cell. */
  public static ExportCell typed(CellText cell, boolean flagInvalid) {
    return typed(cell.text(), flagInvalid);
  }

  /**
   * The text CSV writes for a number: as typed when it is a plain decimal or in scientific notation
   * ({@code 2.6e7}, which spreadsheets read as a number and show as typed); otherwise (e.g. typed
   * as {@code +3}) the plain decimal value, so that nothing but digits, one minus sign, one point
   * and one exponent ever reaches a CSV file unneutralised.
   */
  public String csvNumber() {
    if (PLAIN_DECIMAL.matcher(text).matches() || SCIENTIFIC.matcher(text).matches()) {
      return text;
    }
    return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }

  /** Whether {@code s} is a plain decimal number (see {@link #typed}). */
  public static boolean isPlainDecimal(String s) {
    return s != null && PLAIN_DECIMAL.matcher(s).matches();
  }

  public ExportCell withMarker(String newMarker) {
    return new ExportCell(kind, text, number, decimals, newMarker, invalid, format);
  }

  public boolean isEmpty() {
    return kind == Kind.EMPTY;
  }

  public boolean isNumber() {
    return kind == Kind.NUMBER;
  }
}
