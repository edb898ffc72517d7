package org.ewb.logic.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CharacteristicField;
import org.ewb.model.FieldType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldValidatorTest {

  @ParameterizedTest(name = "{0} \"{1}\" valid={2}")
  @CsvSource({
    "INTEGER, 29, true",
    "INTEGER, -3, true",
    "INTEGER, 2.5, false",
    "INTEGER, 29 pts, false",
    "DECIMAL, 2.6, true",
    "DECIMAL, '2,6', false",
    "DECIMAL, 1e6, true",
    "DATE, 2013-04-30, true",
    "DATE, 2013-04, true",
    "DATE, 2013, true",
    "DATE, 2013-13-01, false",
    "DATE, April 2013, false",
    "CHOICE, WJ-MSC, true",
    "CHOICE, wj-msc, false",
    "TEXT, anything at all, true",
    "INTEGER, '', true"
  })
  void checksValuesByFieldType(FieldType type, String text, boolean valid) {
    Localization.setLocale(Locale.ENGLISH);
    CharacteristicField f =
        new CharacteristicField(1, "k", "K", "", type, "", List.of("WJ-MSC", "BM-MSC"), "", "", 1);
    assertEquals(valid, FieldValidator.problem(f, text).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({"CHOICE, x, '\"x\" is not one of the choices: WJ-MSC, BM-MSC'"})
  void namesTheProblem(FieldType type, String text, String message) {
    Localization.setLocale(Locale.ENGLISH);
    CharacteristicField f =
        new CharacteristicField(1, "k", "K", "", type, "", List.of("WJ-MSC", "BM-MSC"), "", "", 1);
    assertEquals(message, FieldValidator.problem(f, text).orElseThrow());
  }
}
