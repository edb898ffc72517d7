package org.ewb.logic.meta.overtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.ProjectAnalysisInput;
import org.ewb.logic.meta.SubgroupResult;
import org.ewb.logic.meta.TestType;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pooled values per time point are the engine's single analysis at that time point (issue 13), on
 * the generated follow-up example project (8 studies x 4 time points, two subgroups).
 */
class OverTimeAnalysisTest {

  static ProjectData data;

  static final AnalysisOptions MD_REML =
      new AnalysisOptions(Measure.MD, "REML", TestType.Z, null, null, false, null, false);

  @BeforeAll
  static void read() {
    data =
        SqliteProjectStore.readSnapshot(
            Path.of(
                System.getProperty("ewb.repo.dir", "."),
                "sample-projects",
                "followup-example.ewb"));
  }

  @Test
  void eachTimePointEqualsTheSingleAnalysisAtThatTimePoint() {
    OverTimeAnalysis.Result r = OverTimeAnalysis.run(data, "HbA1c", MD_REML, null, List.of());
    assertEquals(1, r.series().size());
    List<OverTimeAnalysis.Point> pts = r.series().get(0).points();
    assertEquals(List.of(3.0, 6.0, 12.0, 24.0), pts.stream().map(p -> p.months()).toList());
    assertEquals(List.of(7, 8, 8, 6), pts.stream().map(p -> p.k()).toList());
    for (OverTimeAnalysis.Point p : pts) {
      AnalysisOutcome single =
          MetaAnalysisRunner.run(ProjectAnalysisInput.build(data, "HbA1c", p.months()), MD_REML);
      assertEquals(single.model().estimate(), p.estimate(), 0, "estimate at " + p.label());
      assertEquals(single.model().ciLb(), p.ciLb(), 0);
      assertEquals(single.model().ciUb(), p.ciUb(), 0);
      assertEquals(single.model().tau2(), p.tau2(), 0);
      assertEquals(single.model().prediction().piLb(), p.piLb(), 0);
      assertEquals(single.model().k(), p.studies().size());
    }
    // the example's effect fades over follow-up: more negative at 3 than at 24 months
    assertTrue(pts.get(0).estimate() < pts.get(3).estimate());
  }

  @Test
  void subgroupSeriesEqualTheSeparateTau2SubgroupAnalysisOfTheEngine() {
    OverTimeAnalysis.Result r = OverTimeAnalysis.run(data, "HbA1c", MD_REML, "dm_type", List.of());
    assertEquals(List.of("T1DM", "T2DM"), r.series().stream().map(s -> s.label()).toList());
    for (OverTimeAnalysis.Series s : r.series()) {
      for (OverTimeAnalysis.Point p : s.points()) {
        AnalysisOutcome single =
            MetaAnalysisRunner.run(
                ProjectAnalysisInput.build(data, "HbA1c", p.months()),
                new AnalysisOptions(
                    Measure.MD, "REML", TestType.Z, "dm_type", null, false, null, false));
        SubgroupResult sub = single.subgroups();
        int level = sub.levels().indexOf(s.label());
        double expected = sub.subgroups().get(level).fit().estimate();
        assertEquals(expected, p.estimate(), 1e-12, s.label() + " at " + p.label());
      }
    }
  }

  @Test
  void aWindowPoolsEachStudysLatestTimePointInside() {
    OverTimeAnalysis.Result r =
        OverTimeAnalysis.run(data, "HbA1c", MD_REML, null, TimeWindow.parseList("3-6, 12-24"));
    List<OverTimeAnalysis.Point> pts = r.series().get(0).points();
    assertEquals(List.of("3–6", "12–24"), pts.stream().map(p -> p.label()).toList());
    assertEquals(8, pts.get(0).k());
    // 12-24: studies with a 24-month visit use it, the two without use 12 months
    assertEquals(8, pts.get(1).k());
    AnalysisOutcome at6 =
        MetaAnalysisRunner.run(ProjectAnalysisInput.build(data, "HbA1c", 6.0), MD_REML);
    // every study has 6 months, so the 3-6 window is the 6-month analysis
    assertEquals(at6.model().estimate(), pts.get(0).estimate(), 1e-12);
  }

  @Test
  void overlappingWindowsAreAUsageError() {
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> TimeWindow.parseList("3-6,6-12"));
    assertTrue(e.getMessage().contains("overlap"), e.getMessage());
  }
}
