package org.ewb.logic.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;

class CsvStudyReaderTest {

  private static StudyTable read(String csv) {
    return CsvStudyReader.read(new StringReader(csv), "data.csv");
  }

  @Test
  void binaryColumnsGiveTwoByTwoStudiesAndKeepOtherColumns() {
    StudyTable t = read(BcgFixture.csv());
    assertEquals(StudyTable.Kind.BINARY, t.kind());
    assertEquals(13, t.studies().size());
    StudyData.TwoByTwo first = (StudyData.TwoByTwo) t.studies().get(0);
    assertEquals("Aronson 1948", first.label());
    assertEquals(119, first.bi());
    assertEquals("random", t.columns().get("alloc").get(0));
    assertEquals("44", t.columns().get("ablat").get(0));
  }

  @Test
  void genericDataTakeSeOrVariance() {
    StudyTable t = read("Study,yi,se,vi\nA,0.5,0.2,\nB,0.1,,0.09\n");
    assertEquals(StudyTable.Kind.GENERIC, t.kind());
    assertEquals(0.04, ((StudyData.GenericEffect) t.studies().get(0)).vi(), 1e-15);
    assertEquals(0.09, ((StudyData.GenericEffect) t.studies().get(1)).vi(), 1e-15);
  }

  @Test
  void textInANumberColumnNamesLineAndColumn() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () ->
                read(
                    "study,mean_e,sd_e,n_e,mean_c,sd_c,n_c\n"
                        + "A,5,1,20,4,1,20\n"
                        + "B,5,1,20,4,1.2x,20\n"));
    assertEquals("data.csv, line 3, column sd_c: '1.2x' is not a number", e.getMessage());
  }

  @Test
  void studyWithAMissingValueIsLeftOutWithANote() {
    StudyTable t = read("study,mean_e,sd_e,n_e,mean_c,sd_c,n_c\nA,5,1,20,4,1,20\nB,5,,20,4,1,20\n");
    assertEquals(1, t.studies().size());
    assertEquals(1, t.notes().size());
    assertTrue(t.notes().get(0).contains("'B' (line 3)"), t.notes().get(0));
    assertTrue(t.notes().get(0).contains("sd_e"), t.notes().get(0));
  }

  @Test
  void missingDataColumnsAreAUsageErrorListingTheHeader() {
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> read("study,events_e,total_e\nA,1,2\n"));
    assertEquals(WorkbenchException.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().contains("found: study, events_e, total_e"), e.getMessage());
  }

  @Test
  void rowWithTooFewFieldsIsAnError() {
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> read("study,yi,vi\nA,0.5,0.1\nB,0.3\n"));
    assertTrue(e.getMessage().startsWith("data.csv, line 3: 2 fields"), e.getMessage());
  }
}
