package org.ewb.logic.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;

/**
 * Checks a characteristic value against its field's type. A value that fails is still stored as
 * typed (nothing the reviewer enters is lost); the reason is shown next to the cell.
 */
public final class FieldValidator {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private FieldValidator() {}

  /** The problem with {@code text} as a value of {@code field}, or empty if it is fine. */
  public static Optional<String> problem(CharacteristicField field, String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    return switch (field.type()) {
      case TEXT -> Optional.empty();
      case INTEGER ->
          INTEGER.matcher(t).matches() ? Optional.empty() : Optional.of(lang("invalid.integer", t));
      case DECIMAL ->
          CellText.of(t).number().isPresent()
              ? Optional.empty()
              : Optional.of(lang("invalid.decimal", t));
      case DATE -> isDate(t) ? Optional.empty() : Optional.of(lang("invalid.date", t));
      case CHOICE ->
          field.choices().isEmpty() || field.choices().contains(t)
              ? Optional.empty()
              : Optional.of(lang("invalid.choice", t, String.join(", ", field.choices())));
    };
  }

  /** ISO dates: 2013-04-30, 2013-04 or 2013 (papers often give only a month or a year). */
  static boolean isDate(String t) {
    if (YEAR.matcher(t).matches()) {
      return true;
    }
    try {
      if (t.length() == 7) {
        YearMonth.parse(t);
      } else {
        LocalDate.parse(t);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
