package org.ewb.logic.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ewb.model.OutcomeKind;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one settings format of a saved analysis: both key sets, defaults, and what is refused. */
class AnalysisSettingsTest {

  @Test
  void everyKeySurvivesARoundTrip() {
    AnalysisSettings s =
        new AnalysisSettings(
            "funnel",
            "HbA1c",
            12.0,
            "SMD",
            "DL",
            "knha",
            "cell_type",
            "ablat",
            true,
            0.25,
            true,
            List.of("cell_type", "follow_up"),
            "ci",
            true,
            true,
            true,
            "-effect");
    assertEquals(s, AnalysisSettings.parse(s.toJson()));
  }

  @Test
  void theViewsKeysRead() {
    AnalysisSettings s =
        AnalysisSettings.parse(
            "{\"figure\":\"forest\",\"outcome\":\"Tuberculosis\",\"timepoint\":12.0,"
                + "\"measure\":\"OR\",\"model\":\"DL\",\"test\":\"knha\",\"subgroup\":\"alloc\","
                + "\"columns\":[\"alloc\"],\"error_bars\":\"ci95\",\"contours\":true,"
                + "\"egger\":false,\"trimfill\":false,\"sort\":\"weight\"}");
    assertEquals(12.0, s.months());
    assertEquals("ci", s.errorBars());
    assertEquals(List.of("alloc"), s.columns());
    AnalysisOptions o = s.options(StudyTable.Kind.BINARY);
    assertEquals(
        new AnalysisOptions(Measure.OR, "DL", TestType.KNHA, "alloc", null, false, null, false), o);
  }

  @Test
  void theExportsFirstKeysRead() {
    AnalysisSettings s =
        AnalysisSettings.parse(
            "{\"outcome\":\"TB\",\"months\":6,\"measure\":\"rr\",\"model\":\"mh\",\"test\":\"t\","
                + "\"moderator\":\"ablat\",\"drop00\":true,\"add\":0,\"mhCc\":true}");
    assertEquals(6.0, s.months());
    assertEquals(AnalysisSettings.FOREST, s.figure());
    assertEquals(
        new AnalysisOptions(Measure.RR, "MH", TestType.KNHA, null, "ablat", true, 0.0, true),
        s.options(StudyTable.Kind.BINARY));
  }

  @Test
  void missingKeysTakeTheirDefaults() {
    AnalysisSettings s = AnalysisSettings.parse("{}");
    assertEquals(AnalysisSettings.FOREST, s.figure());
    assertNull(s.outcome());
    assertNull(s.months());
    assertEquals("REML", s.model());
    assertEquals(TestType.Z, s.testType());
    assertEquals("sd", s.errorBars());
    assertTrue(s.hasMetaAnalysis());
    assertEquals(Measure.MD, s.options(StudyTable.Kind.CONTINUOUS).measure());
  }

  @ParameterizedTest
  @EnumSource(OutcomeKind.class)
  void theDefaultMeasureIsTheFirstTheViewOffers(OutcomeKind kind) {
    StudyTable.Kind table =
        switch (kind) {
          case DICHOTOMOUS -> StudyTable.Kind.BINARY;
          case CONTINUOUS -> StudyTable.Kind.CONTINUOUS;
          case GENERIC -> StudyTable.Kind.GENERIC;
        };
    assertEquals(
        AnalysisSettings.measuresFor(kind).get(0), AnalysisSettings.defaultMeasure(table).name());
  }

  @Test
  void aFollowUpChartHasNoMetaAnalysis() {
    assertTrue(!AnalysisSettings.parse("{\"figure\":\"followup\"}").hasMetaAnalysis());
  }

  @Test
  void brokenJsonAndWrongTypesAreDataErrorsNamingTheAnalysis() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> AnalysisSettings.of(new SavedAnalysis(1, "A", "{\"months\":\"twelve\"}", 0)));
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
    assertEquals("Saved analysis 'A': \"months\" must be a number, not \"twelve\"", e.getMessage());
    assertThrows(WorkbenchException.class, () -> AnalysisSettings.parse("{outcome"));
    assertThrows(WorkbenchException.class, () -> AnalysisSettings.parse("[1]"));
  }

  @Test
  void unknownMeasureAndTestAreRefusedWhereUsed() {
    AnalysisSettings s = AnalysisSettings.parse("{\"measure\":\"HR\",\"test\":\"wald\"}");
    WorkbenchException m =
        assertThrows(WorkbenchException.class, () -> s.options(StudyTable.Kind.BINARY));
    assertEquals("unknown measure \"HR\" (RR, OR, RD, MD, SMD, GEN)", m.getMessage());
    WorkbenchException t = assertThrows(WorkbenchException.class, s::testType);
    assertEquals("unknown test \"wald\" (z or knha)", t.getMessage());
  }
}
