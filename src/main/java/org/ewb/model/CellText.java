package org.ewb.model;

import java.util.OptionalDouble;

/**
 * A grid cell's content exactly as the reviewer typed it. Keeping the text (rather than a parsed
 * number) means an invalid entry such as {@code "12,5a"} is never lost; it is flagged instead.
 */
public record CellText(String text) {

  public static final CellText EMPTY = new CellText("");

  public CellText {
    text = text == null ? "" : text.strip();
  }

  public static CellText of(String text) {
    return text == null || text.isBlank() ? EMPTY : new CellText(text);
  }

  public static CellText of(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return new CellText(Long.toString((long) value));
    }
    return new CellText(Double.toString(value));
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  /**
   * The number, if the text is a finite decimal number (a comma decimal separator is not accepted).
   */
  public OptionalDouble number() {
    if (text.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      double d = Double.parseDouble(text);
      return Double.isFinite(d)
              && !text.endsWith("d")
              && !text.endsWith("f")
              && !text.endsWith("D")
              && !text.endsWith("F")
          ? OptionalDouble.of(d)
          : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** Non-empty text that is not a finite number. */
  public boolean isInvalidNumber() {
    return !isEmpty() && number().isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }
}
