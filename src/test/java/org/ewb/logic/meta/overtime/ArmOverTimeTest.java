package org.ewb.logic.meta.overtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.StudyData;
import org.ewb.logic.meta.StudyTable;
import org.ewb.logic.meta.TestType;
import org.ewb.logic.meta.conversion.Conversions;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pooled mean per arm role at a time point is the engine's single-group analysis of those arms
 * (a generic-effect meta-analysis of mean, SD²/n); change from baseline uses the Handbook's SD of
 * change. On the generated follow-up example (8 studies x 4 time points) and its copy with a
 * baseline visit ({@link BaselineFixture}).
 */
class ArmOverTimeTest {

  static ProjectData data;

  static final AnalysisOptions REML =
      new AnalysisOptions(Measure.GEN, "REML", TestType.Z, null, null, false, null, false);

  @BeforeAll
  static void read() {
    Localization.setLocale(java.util.Locale.ENGLISH);
    data =
        SqliteProjectStore.readSnapshot(
            Path.of(System.getProperty("ewb.repo.dir", ".")).resolve(BaselineFixture.EXAMPLE));
  }

  @Test
  void eachRolesPointEqualsTheSingleGroupAnalysisOfItsArms() {
    OverTimeAnalysis.Result r =
        ArmOverTime.perArm(data, "HbA1c", ArmMeasure.MN, REML, null, List.of(), null);
    assertEquals(
        List.of("Experimental arms", "Control arms"),
        r.series().stream().map(OverTimeAnalysis.Series::label).toList());
    assertTrue(r.perArm());
    for (int s = 0; s < 2; s++) {
      ArmRole role = s == 0 ? ArmRole.EXPERIMENTAL : ArmRole.CONTROL;
      for (OverTimeAnalysis.Point p : r.series().get(s).points()) {
        AnalysisOutcome single = MetaAnalysisRunner.run(direct(data, role, p.months()), REML);
        assertEquals(single.model().estimate(), p.estimate(), 0, role + " at " + p.label());
        assertEquals(single.model().se(), p.se(), 0);
        assertEquals(single.model().tau2(), p.tau2(), 0);
        assertEquals(single.model().prediction().piUb(), p.piUb(), 0);
        assertEquals(single.model().k(), p.k());
      }
    }
    // the example's treated arms sit below its controls at every time point
    for (int i = 0; i < 4; i++) {
      assertTrue(
          r.series().get(0).points().get(i).estimate()
              < r.series().get(1).points().get(i).estimate());
    }
  }

  @Test
  void subgroupsAreSeparateLinesPerRole() {
    OverTimeAnalysis.Result r =
        ArmOverTime.perArm(data, "HbA1c", ArmMeasure.MN, REML, "dm_type", List.of(), null);
    assertEquals(
        List.of(
            "Experimental arms · T1DM",
            "Experimental arms · T2DM",
            "Control arms · T1DM",
            "Control arms · T2DM"),
        r.series().stream().map(OverTimeAnalysis.Series::label).toList());
    assertEquals(4, r.series().get(0).points().get(1).k());
  }

  @Test
  void changeFromBaselinePerArmUsesTheHandbookSdOfChange() {
    ProjectData withBase = BaselineFixture.withBaseline(data);
    ChangeFromBaseline ch = new ChangeFromBaseline(0.5);
    OverTimeAnalysis.Result r =
        ArmOverTime.perArm(withBase, "HbA1c", ArmMeasure.MN, REML, null, List.of(), ch);
    // baseline itself is not a point of a change series
    assertEquals(
        List.of(3.0, 6.0, 12.0, 24.0),
        r.series().get(0).points().stream().map(OverTimeAnalysis.Point::months).toList());
    assertEquals("change-sd-from-correlation r=0.5", r.derivation());
    assertTrue(r.notes().get(0).contains("r = 0.5"), r.notes().get(0));
    OverTimeAnalysis.Point p12 = r.series().get(0).points().get(2);
    List<StudyData> rows = new ArrayList<>();
    for (Study s : withBase.studies()) {
      double[] b = arm(withBase, s, ArmRole.EXPERIMENTAL, 0);
      double[] f = arm(withBase, s, ArmRole.EXPERIMENTAL, 12);
      double sd = Conversions.at("").changeSdFromCorrelation(b[1], f[1], 0.5).sdValue();
      assertEquals(Math.sqrt(b[1] * b[1] + f[1] * f[1] - b[1] * f[1]), sd, 1e-12);
      rows.add(new StudyData.GenericEffect(label(s), f[0] - b[0], sd * sd / f[2]));
    }
    AnalysisOutcome single =
        MetaAnalysisRunner.run(
            new StudyTable(StudyTable.Kind.GENERIC, rows, Map.of(), List.of(), BackTransform.NONE),
            REML);
    assertEquals(single.model().estimate(), p12.estimate(), 1e-12);
    assertEquals(single.model().se(), p12.se(), 1e-12);
  }

  @Test
  void changeFromBaselineComparisonIsTheMdOfTheChanges() {
    ProjectData withBase = BaselineFixture.withBaseline(data);
    AnalysisOptions md =
        new AnalysisOptions(Measure.MD, "REML", TestType.Z, null, null, false, null, false);
    OverTimeAnalysis.Result r =
        ArmOverTime.comparison(withBase, "HbA1c", md, null, List.of(), new ChangeFromBaseline(0.8));
    OverTimeAnalysis.Point p6 = r.series().get(0).points().get(1);
    List<StudyData> rows = new ArrayList<>();
    for (Study s : withBase.studies()) {
      double[][] c = new double[2][];
      for (int i = 0; i < 2; i++) {
        ArmRole role = i == 0 ? ArmRole.EXPERIMENTAL : ArmRole.CONTROL;
        double[] b = arm(withBase, s, role, 0);
        double[] f = arm(withBase, s, role, 6);
        c[i] =
            new double[] {
              f[0] - b[0], Math.sqrt(b[1] * b[1] + f[1] * f[1] - 1.6 * b[1] * f[1]), f[2]
            };
      }
      rows.add(
          new StudyData.ContinuousArms(
              label(s), c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2]));
    }
    AnalysisOutcome single =
        MetaAnalysisRunner.run(
            new StudyTable(
                StudyTable.Kind.CONTINUOUS, rows, Map.of(), List.of(), BackTransform.NONE),
            md);
    assertEquals(single.model().estimate(), p6.estimate(), 1e-12);
    assertEquals(single.model().ciLb(), p6.ciLb(), 1e-12);
  }

  @Test
  void misfitsAreUsageErrorsThatSayWhy() {
    WorkbenchException pr =
        assertThrows(
            WorkbenchException.class,
            () -> ArmOverTime.perArm(data, "HbA1c", ArmMeasure.PR, REML, null, List.of(), null));
    assertTrue(pr.getMessage().contains("PR"), pr.getMessage());
    WorkbenchException noBase =
        assertThrows(
            WorkbenchException.class,
            () ->
                ArmOverTime.perArm(
                    data,
                    "HbA1c",
                    ArmMeasure.MN,
                    REML,
                    null,
                    List.of(),
                    new ChangeFromBaseline(0.5)));
    assertTrue(noBase.getMessage().contains("baseline"), noBase.getMessage());
    assertThrows(WorkbenchException.class, () -> new ChangeFromBaseline(1.5));
  }

  @Test
  void plosPooledValueIsShownAsAProportion() {
    assertEquals(0.5, BackTransform.ILOGIT.apply(0), 0);
    assertEquals(1 / (1 + Math.exp(2)), BackTransform.ILOGIT.apply(-2), 1e-15);
    assertEquals(BackTransform.ILOGIT, ArmMeasure.PLO.backTransform());
  }

  /** The role's arm values at a time point as generic effects (mean, SD²/n), done by hand. */
  private static StudyTable direct(ProjectData d, ArmRole role, double months) {
    List<StudyData> rows = new ArrayList<>();
    for (Study s : d.studies()) {
      double[] v = arm(d, s, role, months);
      if (v != null) {
        rows.add(new StudyData.GenericEffect(label(s), v[0], v[1] * v[1] / v[2]));
      }
    }
    return new StudyTable(StudyTable.Kind.GENERIC, rows, Map.of(), List.of(), BackTransform.NONE);
  }

  /** {mean, SD, n} of the study's arm of {@code role} at {@code months}, or null. */
  private static double[] arm(ProjectData d, Study s, ArmRole role, double months) {
    Arm a = d.armsOf(s.id()).stream().filter(x -> x.role() == role).findFirst().orElseThrow();
    long tp =
        d.timePoints().stream()
            .filter(t -> t.months() == months)
            .mapToLong(TimePoint::id)
            .findFirst()
            .orElseThrow();
    for (Measurement m : d.measurements()) {
      if (m.armId() == a.id() && m.timePointId() == tp && !m.mean().isEmpty()) {
        return new double[] {
          m.mean().number().getAsDouble(),
          m.sd().number().getAsDouble(),
          m.n().number().getAsDouble()
        };
      }
    }
    return null;
  }

  private static String label(Study s) {
    return s.label().isEmpty() ? s.key() : s.label();
  }
}
