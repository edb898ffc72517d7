package org.ewb.logic.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ewb.logic.figure.FollowUpChartModel.Series;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.Test;

/** Follow-up chart models from project measurements. */
class FollowUpModelBuilderTest {

  @Test
  void stemCellSampleDrawsYao2022InsulinIndependencePerArm() {
    ProjectData data =
        SqliteProjectStore.readSnapshot(Path.of("sample-projects/stem-cell-diabetes.ewb"));
    FollowUpChartModel m =
        FollowUpModelBuilder.build(data, "insulin independence", FollowUpModelBuilder.ErrorBars.SD);
    Series combined = series(m, "Yao 2022: islet + PBSC");
    Series alone = series(m, "Yao 2022: islet alone");
    // seed 000 L27: 3/5 in both arms at 12 months; 2/5 (alone) and 3/5 (combined) at 36 months
    assertEquals(
        List.of(12.0, 36.0),
        combined.points().stream().map(FollowUpChartModel.Point::months).toList());
    assertEquals(60, combined.points().get(1).value(), 1e-12);
    assertEquals(40, alone.points().get(1).value(), 1e-12);
    assertEquals(FollowUpChartModel.ArmStyle.EXPERIMENTAL, combined.style());
    assertEquals(FollowUpChartModel.ArmStyle.CONTROL, alone.style());
    assertEquals(combined.study(), alone.study());
    assertTrue(m.percentScale());
  }

  @Test
  void errorBarsAreSdOrNormal95PercentCiFromN() {
    ProjectData d = twoArmProject("12", "7.1", "0.8");
    Series sd =
        FollowUpModelBuilder.build(d, "HbA1c", FollowUpModelBuilder.ErrorBars.SD).series().get(0);
    assertEquals(7.1 - 0.8, sd.points().get(1).low(), 1e-12);
    assertEquals(7.1 + 0.8, sd.points().get(1).high(), 1e-12);
    Series ci =
        FollowUpModelBuilder.build(d, "HbA1c", FollowUpModelBuilder.ErrorBars.CI95).series().get(0);
    double half = 1.959963984540054 * 0.8 / Math.sqrt(12);
    assertEquals(7.1 - half, ci.points().get(1).low(), 1e-12);
    assertEquals(7.1 + half, ci.points().get(1).high(), 1e-12);
  }

  @Test
  void invalidCellIsADataErrorNamingStudyArmTimeAndValue() {
    ProjectData d = twoArmProject("12", "7,1", "0.8");
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> FollowUpModelBuilder.build(d, "HbA1c", FollowUpModelBuilder.ErrorBars.SD));
    assertEquals(WorkbenchException.Kind.DATA, e.kind());
    for (String s : new String[] {"Trial 2020", "cells", "6", "mean", "7,1"}) {
      assertTrue(e.getMessage().contains(s), e.getMessage());
    }
  }

  private static Series series(FollowUpChartModel m, String label) {
    return m.series().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
  }

  /** One study, arms "cells" and "usual care", HbA1c at 0 and 6 months. */
  private static ProjectData twoArmProject(String n, String mean6, String sd6) {
    Study s =
        new Study(1, "trial2020", "Trial 2020", "", 2020, "", "", "", "", "", "", "", "", null, 0);
    Arm e = new Arm(1, 1, "cells", ArmRole.EXPERIMENTAL, "", 12, 0);
    Arm c = new Arm(2, 1, "usual care", ArmRole.CONTROL, "", 12, 1);
    Outcome o = new Outcome(1, "HbA1c", OutcomeKind.CONTINUOUS, "%", true, 0);
    TimePoint t0 = new TimePoint(1, 1, 0, "baseline");
    TimePoint t6 = new TimePoint(2, 1, 6, "6 months");
    List<Measurement> ms =
        List.of(
            Measurement.continuous(
                1,
                1,
                1,
                1,
                CellText.of(n),
                CellText.of("8.0"),
                CellText.of("1.0"),
                Provenance.NONE),
            Measurement.continuous(
                1, 1, 1, 2, CellText.of(n), CellText.of(mean6), CellText.of(sd6), Provenance.NONE),
            Measurement.continuous(
                1,
                1,
                2,
                1,
                CellText.of(n),
                CellText.of("8.1"),
                CellText.of("1.1"),
                Provenance.NONE),
            Measurement.continuous(
                1,
                1,
                2,
                2,
                CellText.of(n),
                CellText.of("7.9"),
                CellText.of("1.0"),
                Provenance.NONE));
    return new ProjectData(
        new Project("t", "", "", Instant.EPOCH, Instant.EPOCH, 2),
        List.of(s),
        List.of(),
        List.of(),
        List.of(e, c),
        List.of(o),
        List.of(t0, t6),
        ms,
        List.of(),
        List.of(),
        List.of());
  }
}
