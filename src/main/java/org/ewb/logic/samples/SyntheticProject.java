package org.ewb.logic.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Provenance;
import org.ewb.model.ProvenanceSource;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;

/**
 * A large, made-up project for benchmarks (never for analysis): {@code studies} studies with two
 * arms each, {@code outcomes} outcomes (every third one dichotomous) with {@code timePoints} time
 * points each, and a complete, valid measurement for every study x outcome x arm x time point. The
 * same seed gives the same content. All of it is written in one transaction.
 */
public final class SyntheticProject {

  /** What to generate. */
  public record Size(int studies, int outcomes, int timePoints, long seed) {

    public Size {
      if (studies < 1 || outcomes < 1 || timePoints < 1) {
        throw new IllegalArgumentException("studies, outcomes and time points must be at least 1");
      }
    }

    /** The benchmark of issue 2: 5,000 x 10 x 6 x 2 = 600,000 measurements. */
    public static Size benchmark() {
      return new Size(5000, 10, 6, 20_240_601L);
    }

    public long measurements() {
      return (long) studies * outcomes * timePoints * 2;
    }
  }

  private static final double[] MONTHS = {0, 3, 6, 12, 24, 36, 48, 60, 72, 84, 96, 108};
  private static final String[] COUNTRIES = {
    "China", "USA", "India", "Brazil", "Iran", "Spain", "Sweden", "Japan"
  };
  private static final String[] CELL_TYPES = {"UC-MSC", "BM-MSC", "AD-MSC", "BM-MNC", "HSC"};

  private SyntheticProject() {}

  /** Fills an empty project; returns the number of measurements written. */
  public static long generate(ProjectRepository repo, Size size) {
    Random rnd = new Random(size.seed());
    long[] written = {0};
    repo.inTransaction(
        () -> {
          repo.updateProject(
              repo.project()
                  .withTitle(
                      String.format(
                          Locale.ROOT,
                          "Synthetic benchmark: %d studies x %d outcomes x %d time points x 2 arms",
                          size.studies(),
                          size.outcomes(),
                          size.timePoints())));
          CharacteristicField cellType =
              repo.insertField(
                  new CharacteristicField(
                      0,
                      "cell_type",
                      "Cell type",
                      "细胞类型",
                      FieldType.CHOICE,
                      "",
                      List.of(CELL_TYPES),
                      "Intervention",
                      "干预",
                      0));
          CharacteristicField dose =
              repo.insertField(
                  new CharacteristicField(
                      0,
                      "dose",
                      "Dose",
                      "剂量",
                      FieldType.DECIMAL,
                      "10^6 cells/kg",
                      null,
                      "Intervention",
                      "干预",
                      1));
          CharacteristicField followUp =
              repo.insertField(
                  new CharacteristicField(
                      0,
                      "follow_up",
                      "Follow-up",
                      "随访",
                      FieldType.INTEGER,
                      "months",
                      null,
                      "",
                      "",
                      2));
          List<Outcome> outcomes = new ArrayList<>();
          List<List<TimePoint>> tps = new ArrayList<>();
          for (int o = 0; o < size.outcomes(); o++) {
            boolean dich = o % 3 == 2;
            Outcome out =
                repo.insertOutcome(
                    new Outcome(
                        0,
                        "Outcome " + (o + 1),
                        dich ? OutcomeKind.DICHOTOMOUS : OutcomeKind.CONTINUOUS,
                        dich ? "" : "unit " + (o + 1),
                        o % 2 == 0,
                        o));
            outcomes.add(out);
            List<TimePoint> list = new ArrayList<>();
            for (int t = 0; t < size.timePoints(); t++) {
              double m = t < MONTHS.length ? MONTHS[t] : 12.0 * (t - 2);
              list.add(
                  repo.insertTimePoint(
                      new TimePoint(
                          0,
                          out.id(),
                          m,
                          m == 0 ? "baseline" : CellText.of(m).text() + " months")));
            }
            tps.add(list);
          }
          Provenance prov = new Provenance(ProvenanceSource.TABLE, "Table 2", "", "");
          for (int s = 0; s < size.studies(); s++) {
            int year = 2000 + rnd.nextInt(25);
            Study st =
                repo.insertStudy(
                    new Study(
                        0,
                        "synth" + (s + 1),
                        String.format(Locale.ROOT, "Synth %05d %d", s + 1, year),
                        "Author A, Author B",
                        year,
                        "A synthetic trial " + (s + 1),
                        "Journal of Benchmarks",
                        "",
                        "",
                        "",
                        COUNTRIES[rnd.nextInt(COUNTRIES.length)],
                        "RCT",
                        "",
                        StudyStatus.INCLUDED,
                        s));
            repo.putValue(
                new CharacteristicValue(
                    st.id(), cellType.id(), CELL_TYPES[rnd.nextInt(CELL_TYPES.length)], null));
            repo.putValue(
                new CharacteristicValue(
                    st.id(),
                    dose.id(),
                    CellText.of(Math.round(rnd.nextDouble() * 100) / 10.0).text(),
                    null));
            repo.putValue(
                new CharacteristicValue(
                    st.id(), followUp.id(), Integer.toString(6 + rnd.nextInt(30)), null));
            int n1 = 10 + rnd.nextInt(190);
            int n2 = 10 + rnd.nextInt(190);
            Arm exp =
                repo.insertArm(
                    new Arm(0, st.id(), "Cells", ArmRole.EXPERIMENTAL, "stem cells", n1, 0));
            Arm ctl =
                repo.insertArm(
                    new Arm(0, st.id(), "Control", ArmRole.CONTROL, "standard care", n2, 1));
            List<Measurement> batch = new ArrayList<>(size.outcomes() * size.timePoints() * 2);
            for (int o = 0; o < outcomes.size(); o++) {
              Outcome out = outcomes.get(o);
              for (TimePoint tp : tps.get(o)) {
                for (Arm arm : List.of(exp, ctl)) {
                  int n = arm == exp ? n1 : n2;
                  if (out.kind() == OutcomeKind.DICHOTOMOUS) {
                    batch.add(
                        Measurement.dichotomous(
                            st.id(),
                            out.id(),
                            arm.id(),
                            tp.id(),
                            CellText.of(Integer.toString(rnd.nextInt(n + 1))),
                            CellText.of(Integer.toString(n)),
                            prov));
                  } else {
                    double mean = 5 + rnd.nextGaussian();
                    double sd = 0.5 + rnd.nextDouble();
                    batch.add(
                        Measurement.continuous(
                            st.id(),
                            out.id(),
                            arm.id(),
                            tp.id(),
                            CellText.of(Integer.toString(n)),
                            CellText.of(round2(mean)),
                            CellText.of(round2(sd)),
                            prov));
                  }
                }
              }
            }
            repo.insertMeasurements(batch);
            written[0] += batch.size();
          }
        });
    return written[0];
  }

  private static String round2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
