package org.ewb.logic.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
import org.ewb.model.TimePoint;
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
        List.of(
            "Study 'Ferguson & Simes 1949' left out: the control arm has no data for"
                + " Tuberculosis, 12 months"),
        t.notes());
  }

  /** A Chinese message names the outcome by its Chinese name and the time point in Chinese. */
  @Test
  void chineseMessagesNameTheOutcomeAndTimePointInChinese() {
    ProjectData p = BcgFixture.project();
    List<Measurement> ms = new ArrayList<>(p.measurements());
    ms.removeIf(m -> m.studyId() == 2 && m.armId() == 202);
    List<Outcome> outcomes = new ArrayList<>();
    for (Outcome o : p.outcomes()) {
      outcomes.add(
          new Outcome(
              o.id(),
              o.name(),
              o.kind(),
              o.unit(),
              o.lowerIsBetter(),
              o.displayOrder(),
              "结核病",
              o.defaultMeasure(),
              o.decimals()));
    }
    // the label an English session stores ("12 months")
    ProjectData zh =
        new ProjectData(
            p.project(),
            p.studies(),
            p.fields(),
            p.values(),
            p.arms(),
            outcomes,
            p.timePoints().stream()
                .map(t -> new TimePoint(t.id(), t.outcomeId(), t.months(), "12 months"))
                .toList(),
            ms,
            p.genericEstimates(),
            p.layouts(),
            p.analyses());
    Localization.setLocale(Localization.CHINESE);
    try {
      StudyTable t = ProjectAnalysisInput.build(zh, "Tuberculosis", 12.0);
      assertEquals(1, t.notes().size());
      assertTrue(t.notes().get(0).contains("结核病, 12 个月"), t.notes().get(0));
      WorkbenchException e =
          assertThrows(
              WorkbenchException.class, () -> ProjectAnalysisInput.build(zh, "Tuberculosis", 6.0));
      assertTrue(e.getMessage().contains("“结核病”"), e.getMessage());
    } finally {
      Localization.setLocale(Locale.ENGLISH);
    }
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

  /** The fixture plus a second experimental arm "BCG booster" (id 999) in study 2. */
  private static ProjectData withSecondExperimentalArm(ProjectData p, List<Measurement> ms) {
    List<Arm> arms = new ArrayList<>(p.arms());
    arms.add(new Arm(999, 2, "BCG booster", ArmRole.EXPERIMENTAL, "", null, 2));
    return new ProjectData(
        p.project(),
        p.studies(),
        p.fields(),
        p.values(),
        arms,
        p.outcomes(),
        p.timePoints(),
        ms,
        p.genericEstimates(),
        p.layouts(),
        p.analyses());
  }

  @Test
  void aSecondArmOfARoleWithoutDataAtThisTimePointDoesNotBlockTheAnalysis() {
    ProjectData p = BcgFixture.project();
    StudyTable t =
        ProjectAnalysisInput.build(
            withSecondExperimentalArm(p, p.measurements()), "Tuberculosis", null);
    assertEquals(13, t.studies().size());
  }

  @Test
  void twoArmsOfASideWithDataAreCombinedAndTheNoteSaysSo() {
    ProjectData p = BcgFixture.project();
    List<Measurement> ms = new ArrayList<>(p.measurements());
    ms.add(
        Measurement.dichotomous(2, 1, 999, 1, CellText.of("1"), CellText.of("100"), null)
            .withId(5000));
    StudyTable t =
        ProjectAnalysisInput.build(withSecondExperimentalArm(p, ms), "Tuberculosis", null);
    StudyData.TwoByTwo ferguson =
        (StudyData.TwoByTwo)
            t.studies().stream()
                .filter(d -> d.label().equals("Ferguson & Simes 1949"))
                .findFirst()
                .orElseThrow();
    // dat.bcg: Ferguson & Simes 1949 experimental 6/306; the booster arm 1/100 is added to it
    assertEquals(7, ferguson.eventsE());
    assertEquals(406, ferguson.totalE());
    assertTrue(
        t.notes().stream().anyMatch(n -> n.contains("combined") && n.contains("BCG booster")),
        t.notes().toString());
  }

  @Test
  void aChosenArmPerStudyIsCompared() {
    ProjectData p = BcgFixture.project();
    List<Measurement> ms = new ArrayList<>(p.measurements());
    ms.add(
        Measurement.dichotomous(2, 1, 999, 1, CellText.of("1"), CellText.of("100"), null)
            .withId(5000));
    long control =
        p.armsOf(2).stream().filter(a -> a.role() == ArmRole.CONTROL).findFirst().get().id();
    ArmSelection pick =
        new ArmSelection(
            java.util.Map.of(2L, new ArmSelection.Sides(List.of(999L), List.of(control))));
    StudyTable t =
        ProjectAnalysisInput.build(withSecondExperimentalArm(p, ms), "Tuberculosis", null, pick);
    StudyData.TwoByTwo ferguson =
        (StudyData.TwoByTwo)
            t.studies().stream()
                .filter(d -> d.label().equals("Ferguson & Simes 1949"))
                .findFirst()
                .orElseThrow();
    assertEquals(1, ferguson.eventsE());
    assertEquals(100, ferguson.totalE());
  }

  @Test
  void combinedContinuousGroupsFollowTheCochraneFormula() {
    // Cochrane Handbook 6.4, Table 6.5.a, by hand: n 20 + 30, means 10 and 12, SDs 2 and 3
    double[] c =
        ProjectAnalysisInput.combineContinuous(new double[] {10, 2, 20}, new double[] {12, 3, 30});
    double n = 50;
    double mean = (20 * 10 + 30 * 12) / n;
    double var = (19 * 4 + 29 * 9 + 20.0 * 30 / n * (100 + 144 - 240)) / (n - 1);
    assertEquals(mean, c[0], 1e-12);
    assertEquals(Math.sqrt(var), c[1], 1e-12);
    assertEquals(50, c[2], 0);
  }

  @Test
  void aStudyWithoutAControlArmIsLeftOutSayingSo() {
    ProjectData p = BcgFixture.project();
    List<Arm> arms = new ArrayList<>(p.arms());
    arms.replaceAll(
        a ->
            a.studyId() == 2 && a.role() == ArmRole.CONTROL
                ? new Arm(a.id(), 2, a.label(), ArmRole.OTHER, "", null, a.displayOrder())
                : a);
    ProjectData q =
        new ProjectData(
            p.project(),
            p.studies(),
            p.fields(),
            p.values(),
            arms,
            p.outcomes(),
            p.timePoints(),
            p.measurements(),
            p.genericEstimates(),
            p.layouts(),
            p.analyses());
    StudyTable t = ProjectAnalysisInput.build(q, "Tuberculosis", null);
    assertEquals(
        List.of("Study 'Ferguson & Simes 1949' left out: no arm has the role Control"), t.notes());
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
