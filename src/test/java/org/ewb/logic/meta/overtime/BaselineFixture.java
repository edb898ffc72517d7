package org.ewb.logic.meta.overtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.TimePoint;
import org.ewb.persistence.SqliteProjectStore;

/**
 * The generated follow-up example (8 studies x 3, 6, 12, 24 months) with a baseline visit added at
 * 0 months, for tests of change from baseline. The sample project itself has no baseline and is not
 * changed; this adds fixed, made-up baseline values (HbA1c 8.2–8.9 %, SD 1.0–1.3, n of the arm).
 */
public final class BaselineFixture {

  public static final Path EXAMPLE = Path.of("sample-projects", "followup-example.ewb");

  private BaselineFixture() {}

  /** A copy of the example in {@code dir} with the baseline visit written into the file. */
  public static Path writeWithBaseline(Path dir) throws java.io.IOException {
    Path f = dir.resolve("followup-baseline.ewb");
    Files.copy(
        Path.of(System.getProperty("ewb.repo.dir", ".")).resolve(EXAMPLE),
        f,
        StandardCopyOption.REPLACE_EXISTING);
    ProjectData d = SqliteProjectStore.readSnapshot(f);
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      store.inTransaction(
          () -> {
            Outcome o = d.outcome("HbA1c").orElseThrow();
            TimePoint t0 = store.insertTimePoint(new TimePoint(0, o.id(), 0, "baseline"));
            for (Measurement m : baselines(d, t0.id())) {
              store.putMeasurement(m);
            }
          });
    }
    return f;
  }

  /** The same in memory. */
  public static ProjectData withBaseline(ProjectData d) {
    long id = d.timePoints().stream().mapToLong(TimePoint::id).max().orElse(0) + 1;
    Outcome o = d.outcome("HbA1c").orElseThrow();
    List<TimePoint> tps = new ArrayList<>(d.timePoints());
    tps.add(new TimePoint(id, o.id(), 0, "baseline"));
    List<Measurement> ms = new ArrayList<>(d.measurements());
    ms.addAll(baselines(d, id));
    return new ProjectData(
        d.project(),
        d.studies(),
        d.fields(),
        d.values(),
        d.arms(),
        d.outcomes(),
        tps,
        ms,
        d.genericEstimates(),
        d.layouts(),
        d.analyses());
  }

  /** Baseline mean, SD, n per arm; n = the arm's largest n in the example. */
  static List<Measurement> baselines(ProjectData d, long timePointId) {
    Outcome o = d.outcome("HbA1c").orElseThrow();
    List<Measurement> out = new ArrayList<>();
    int i = 0;
    for (Arm a : d.arms()) {
      double n =
          d.measurements().stream()
              .filter(m -> m.armId() == a.id())
              .mapToDouble(m -> m.n().number().orElse(0))
              .max()
              .orElse(20);
      double mean = (a.role() == ArmRole.EXPERIMENTAL ? 8.5 : 8.45) + 0.05 * (i % 5);
      double sd = 1.0 + 0.05 * (i % 7);
      out.add(
          Measurement.continuous(
              a.studyId(),
              o.id(),
              a.id(),
              timePointId,
              CellText.of(n),
              CellText.of(Math.round(mean * 100) / 100.0),
              CellText.of(Math.round(sd * 100) / 100.0),
              Provenance.NONE));
      i++;
    }
    return out;
  }
}
