package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sheet names within Excel's 31 characters. */
class XlsxTableWriterTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Tuberculosis — RR, REML|Tuberculosis — RR, REML",
        "Tuberculosis — RR, REML by allocation|Tuberculosis — RR, REML by…",
        "Insulin independence at 12 months — RR|Insulin independence at 12…",
        "HbA1c at 12 months — MD, REML, by cell type|HbA1c at 12 months — MD, REML…",
        "Abcdefghijklmnopqrstuvwxyzabcdefghij|Abcdefghijklmnopqrstuvwxyzabcd…"
      })
  void longNamesAreCutAtAWordWithAnEllipsis(String name, String expected) {
    String s = XlsxTableWriter.shortSheetName(name);
    assertEquals(expected, s);
    assertTrue(s.length() <= 31, s);
  }
}
