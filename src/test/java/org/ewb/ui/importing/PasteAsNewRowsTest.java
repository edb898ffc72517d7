package org.ewb.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ewb.logic.extraction.ProjectCache;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.ewb.testing.FakeRepositories;
import org.junit.jupiter.api.Test;

/**
 * Edit › Paste as new rows: rows copied from a spreadsheet (tab-separated, with a header) become
 * studies, arms, an outcome, a time point and measurements, as {@code import data} makes them; a
 * refused row adds nothing.
 */
class PasteAsNewRowsTest {

  private static final String ROWS =
      "study\tarm\trole\toutcome\tkind\tunit\tmonths\tn\tmean\tsd\n"
          + "Hu 2013\tMSC\texperimental\tHbA1c\tcontinuous\t%\t12\t22\t8.65\t1.35\n"
          + "Hu 2013\tControl\tcontrol\tHbA1c\tcontinuous\t%\t12\t20\t8.94\t1.1\n";

  @Test
  void pastedRowsCreateTheOutcomeArmsAndValuesAsTyped() {
    ProjectCache p = FakeRepositories.empty("paste");
    ImportMenu.pasteRows(p, ROWS);
    ProjectData d = p.snapshot();
    assertEquals(1, d.studies().size());
    assertEquals(2, d.arms().size());
    assertEquals("HbA1c", d.outcomes().get(0).name());
    Measurement msc =
        d.measurements().stream()
            .filter(
                m ->
                    d.arms().stream().anyMatch(a -> a.id() == m.armId() && a.label().equals("MSC")))
            .findFirst()
            .orElseThrow();
    assertEquals("22", msc.n().text());
    assertEquals("8.65", msc.mean().text());
    assertEquals("1.35", msc.sd().text());
  }

  @Test
  void aRowThatCannotBeReadAddsNothing() {
    ProjectCache p = FakeRepositories.empty("paste");
    String bad = ROWS + "Li 2016\tMSC\texperimental\tHbA1c\tcontinuous\t%\tsoon\t5\t7\t1\n";
    assertThrows(WorkbenchException.class, () -> ImportMenu.pasteRows(p, bad));
    assertEquals(0, p.snapshot().studies().size(), "one transaction: nothing added");
  }
}
