package org.ewb.logic.export;

/**
 * Neutralises text that a spreadsheet would run as a formula when it opens a CSV file (OWASP "CSV
 * injection"): text starting with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe. A plain decimal number ({@code -1.24}) is data, not a formula, and is left as is; see
 * ADR 0061.
 */
public final class CsvInjection {

  private CsvInjection() {}

  /** Whether a spreadsheet could read {@code text} as a formula. */
  public static boolean isDangerous(String text) {
    if (text == null || text.isEmpty() || ExportCell.isPlainDecimal(text)) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** {@code text}, with a leading {@code '} if {@link #isDangerous}. */
  public static String neutralise(String text) {
    return isDangerous(text) ? "'" + text : text;
  }
}
