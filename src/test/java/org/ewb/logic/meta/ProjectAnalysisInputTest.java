package org.ewb.logic.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;

class ProjectAnalysisInputTest {

  @Test
  void bcgProjectOutcomeGivesThePublishedRemlResult() {
    StudyTable t = ProjectAnalysisInput.build(BcgFixture.project(), "tuberculosis", null);
    AnalysisOutcome o =
        MetaAnalysisRunner.run(
            t,
            new AnalysisOptions(Measure.RR, "REML", TestType.Z, "alloc", null, false, null, false));
    // issue 3 acceptance; metafor: -0.7145, 0.3132, 92.22%
    assertEquals(-0.7145, o.model().estimate(), 5e-5);
    assertEquals(0.3132, o.model().tau2(), 5e-5);
    assertEquals(92.22, o.model().i2(), 5e-3);
    assertEquals(List.of("alternate", "random", "systematic"), o.subgroups().levels());
  }

  @Test
  void unknownTimePointListsTheAvailableOnes() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> ProjectAnalysisInput.build(BcgFixture.project(), "Tuberculosis", 6.0));
    assertEquals(
        "Outcome 'Tuberculosis' has no time point at 6 months (months: 12)", e.getMessage());
  }

  @Test
  void unknownOutcomeListsTheOutcomes() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> ProjectAnalysisInput.build(BcgFixture.project(), "HbA1c", null));
    assertTrue(e.getMessage().contains("(outcomes: Tuberculosis)"), e.getMessage());
  }

  @Test
  void studyWithoutControlDataIsLeftOutWithANote() {
    ProjectData p = BcgFixture.project();
    List<Measurement> ms = new ArrayList<>(p.measurements());
    ms.removeIf(m -> m.studyId() == 2 && m.armId() == 202);
    StudyTable t = ProjectAnalysisInput.build(with(p, ms), "Tuberculosis", 12.0);
    assertEquals(12, t.studies().size());
    assertEquals(
        List.of("Study 'Ferguson & Simes 1949' left out: no data for Tuberculosis, " + "12 months"),
        t.notes());
  }

  @Test
  void invalidCellIsAnErrorNamingStudyArmAndValue() {
    ProjectData p = BcgFixture.project();
    List<Measurement> ms = new ArrayList<>(p.measurements());
    ms.replaceAll(
        m ->
            m.id() == 1003
                ? Measurement.dichotomous(3, 1, 103, 1, CellText.of("3a"), m.total(), null)
                : m);
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> ProjectAnalysisInput.build(with(p, ms), "Tuberculosis", null));
    assertEquals(
        "Study 'Rosenthal et al 1960', Tuberculosis, 12 months, experimental arm: events = '3a'"
            + " is not a number",
        e.getMessage());
  }

  private static ProjectData with(ProjectData p, List<Measurement> ms) {
    return new ProjectData(
        p.project(),
        p.studies(),
        p.fields(),
        p.values(),
        p.arms(),
        p.outcomes(),
        p.timePoints(),
        ms,
        p.genericEstimates(),
        p.layouts(),
        p.analyses());
  }
}
