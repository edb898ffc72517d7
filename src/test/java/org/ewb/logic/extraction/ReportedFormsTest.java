package org.ewb.logic.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.conversion.DerivedStatistics;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.ReportedForm;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;

class ReportedFormsTest {

  private static CellText c(String s) {
    return CellText.of(s);
  }

  @Test
  void seGivesSdTimesRootN() {
    // Cochrane Handbook 6.5.2.2: SD = SE * sqrt(n) = 0.5 * sqrt(25)
    DerivedStatistics d =
        ReportedForms.derive(
                new ReportedForm(c("0.5"), null, null, null, null, null, null, null, null),
                c("25"),
                "")
            .orElseThrow();
    assertEquals("sd-from-se", d.methodId());
    assertEquals(2.5, d.sdValue(), 1e-12);
  }

  @Test
  void medianWithIqrWinsOverSe() {
    DerivedStatistics d =
        ReportedForms.derive(
                new ReportedForm(c("0.5"), null, null, c("10"), c("8"), c("13"), null, null, null),
                c("30"),
                "")
            .orElseThrow();
    assertEquals("mean-sd-from-median-iqr", d.methodId());
    assertTrue(d.mean().isPresent());
  }

  @Test
  void nothingConvertibleGivesNothing() {
    assertTrue(
        ReportedForms.derive(
                new ReportedForm(null, c("1"), null, c("10"), null, null, null, null, null),
                c("30"),
                "")
            .isEmpty());
  }

  @Test
  void aMissingNIsRefusedNamingThePlace() {
    Localization.setLocale(Locale.ENGLISH);
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () ->
                ReportedForms.derive(
                    new ReportedForm(c("0.5"), null, null, null, null, null, null, null, null),
                    c(""),
                    "Hu 2013 · control"));
    assertTrue(e.getMessage().startsWith("Hu 2013 · control"), e.getMessage());
  }

  @Test
  void applyingStoresTheFormAndMarksTheMethod() {
    Measurement m = Measurement.continuous(1, 2, 3, 4, c("16"), c("8.1"), null, null);
    Measurement after =
        ReportedForms.apply(
            m, new ReportedForm(c("0.25"), null, null, null, null, null, null, null, null), "");
    assertEquals("1", after.sd().text());
    assertEquals("8.1", after.mean().text());
    assertEquals("sd-from-se", after.derivation());
    assertEquals("0.25", after.reported().se().text());
  }
}
