package org.ewb.logic.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;

/** metafor's dat.bcg (src/test/resources/metafor/bcg.csv) as a project and as CSV text. */
public final class BcgFixture {

  /** One row of dat.bcg. */
  public record Row(
      String label, int tpos, int tneg, int cpos, int cneg, int ablat, String alloc) {}

  private BcgFixture() {}

  public static List<Row> rows() {
    try (InputStream in = BcgFixture.class.getResourceAsStream("/metafor/bcg.csv")) {
      List<Row> out = new ArrayList<>();
      for (CSVRecord r :
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        out.add(
            new Row(
                r.get("label"),
                Integer.parseInt(r.get("tpos")),
                Integer.parseInt(r.get("tneg")),
                Integer.parseInt(r.get("cpos")),
                Integer.parseInt(r.get("cneg")),
                Integer.parseInt(r.get("ablat")),
                r.get("alloc")));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The analyze CSV convention: study, events_e, total_e, events_c, total_c, alloc, ablat. */
  public static String csv() {
    StringBuilder sb = new StringBuilder("study,events_e,total_e,events_c,total_c,alloc,ablat\n");
    for (Row r : rows()) {
      sb.append('"')
          .append(r.label())
          .append("\",")
          .append(r.tpos())
          .append(',')
          .append(r.tpos() + r.tneg())
          .append(',')
          .append(r.cpos())
          .append(',')
          .append(r.cpos() + r.cneg())
          .append(',')
          .append(r.alloc())
          .append(',')
          .append(r.ablat())
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * An in-memory project: outcome "Tuberculosis" (dichotomous) at one time point, 12 months; arms
   * "BCG" (experimental) and "Control"; characteristic field "alloc".
   */
  public static ProjectData project() {
    List<Study> studies = new ArrayList<>();
    List<Arm> arms = new ArrayList<>();
    List<Measurement> ms = new ArrayList<>();
    List<CharacteristicValue> values = new ArrayList<>();
    Outcome tb = new Outcome(1, "Tuberculosis", OutcomeKind.DICHOTOMOUS, "", true, 0);
    TimePoint tp = new TimePoint(1, 1, 12, "");
    CharacteristicField alloc =
        new CharacteristicField(
            1, "alloc", "Allocation", "分配", FieldType.TEXT, "", null, "", "", 0);
    long id = 1;
    for (Row r : rows()) {
      long sid = id;
      studies.add(Study.of("s" + sid, r.label()).withId(sid).withDisplayOrder((int) sid));
      Arm e = new Arm(100 + sid, sid, "BCG", ArmRole.EXPERIMENTAL, "BCG vaccine", null, 0);
      Arm c = new Arm(200 + sid, sid, "Control", ArmRole.CONTROL, "", null, 1);
      arms.add(e);
      arms.add(c);
      ms.add(
          Measurement.dichotomous(
                  sid,
                  1,
                  e.id(),
                  1,
                  CellText.of(r.tpos()),
                  CellText.of(r.tpos() + r.tneg()),
                  Provenance.NONE)
              .withId(1000 + sid));
      ms.add(
          Measurement.dichotomous(
                  sid,
                  1,
                  c.id(),
                  1,
                  CellText.of(r.cpos()),
                  CellText.of(r.cpos() + r.cneg()),
                  Provenance.NONE)
              .withId(2000 + sid));
      values.add(new CharacteristicValue(sid, 1, r.alloc(), Provenance.NONE));
      id++;
    }
    return new ProjectData(
        new Project("BCG", "", "", null, null, 1),
        studies,
        List.of(alloc),
        values,
        arms,
        List.of(tb),
        List.of(tp),
        ms,
        List.of(),
        List.of(),
        List.of());
  }
}
