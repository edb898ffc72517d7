package org.ewb.logic.meta.overtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.TestType;
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
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pooled mean / proportion per arm and change from baseline agree with metafor (escalc MN, PR, PLO,
 * MD, SMD + rma EE/DL/REML). Expected values: {@code src/test/resources/metafor-arm/
 * arm-references.json}, written by {@code generate.R} next to it (metafor 3.8-1, R 4.2.2). Each
 * case's arms are put into a project at 12 months (change cases: also at baseline, 0 months) and
 * run through {@link ArmOverTime}, end to end.
 */
class ArmOverTimeMetaforTest {

  /** Relative agreement on estimate, SE, CI, PI, τ², I² and per-study yi / vi. */
  static final double REL = 1e-6;

  record Case(String id, JsonNode node) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in =
        ArmOverTimeMetaforTest.class.getResourceAsStream("/metafor-arm/arm-references.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Case> out = new ArrayList<>();
      root.get("cases").forEach(c -> out.add(new Case(c.get("id").asText(), c)));
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pooledArmsMatchMetafor(Case c) {
    Localization.setLocale(java.util.Locale.ENGLISH);
    JsonNode n = c.node();
    String dataset = n.get("dataset").asText();
    String measure = n.get("measure").asText();
    AnalysisOptions o =
        new AnalysisOptions(
            Measure.GEN, n.get("method").asText(), TestType.Z, null, null, false, null, false);
    OverTimeAnalysis.Result r;
    String series;
    if (dataset.startsWith("change")) {
      ProjectData data = changeProject(n.get("input"));
      ChangeFromBaseline ch = new ChangeFromBaseline(n.get("input").get("rho").asDouble());
      if (measure.equals("MN")) {
        r = ArmOverTime.perArm(data, "Y", ArmMeasure.MN, o, null, List.of(), ch);
        series = dataset.endsWith("arm1") ? "Experimental arms" : "Control arms";
      } else {
        AnalysisOptions cmp =
            new AnalysisOptions(
                Measure.valueOf(measure),
                n.get("method").asText(),
                TestType.Z,
                null,
                null,
                false,
                null,
                false);
        r = ArmOverTime.comparison(data, "Y", cmp, null, List.of(), ch);
        series = "All studies";
      }
      assertTrue(r.derivation().startsWith(ChangeFromBaseline.METHOD_ID), r.derivation());
    } else {
      ArmMeasure m = ArmMeasure.valueOf(measure);
      r = ArmOverTime.perArm(data(n.get("input"), m), "Y", m, o, null, List.of(), null);
      series = "Experimental arms";
    }
    OverTimeAnalysis.Point p =
        r.series().stream()
            .filter(s -> s.label().equals(series))
            .findFirst()
            .orElseThrow()
            .points()
            .get(0);
    assertEquals(12.0, p.months());
    assertEquals(n.get("k").asInt(), p.k());
    close("estimate", n.get("estimate"), p.estimate());
    close("se", n.get("se"), p.se());
    close("ci_lb", n.get("ci_lb"), p.ciLb());
    close("ci_ub", n.get("ci_ub"), p.ciUb());
    if (n.get("method").asText().equals("EE")) {
      // a common-effect model has no prediction interval (metafor's predict repeats the CI)
      assertTrue(Double.isNaN(p.piLb()) || p.piLb() == p.ciLb());
    } else {
      close("pi_lb", n.get("pi_lb"), p.piLb());
      close("pi_ub", n.get("pi_ub"), p.piUb());
    }
    close("tau2", n.get("tau2"), p.tau2());
    close("I2", n.get("I2"), p.i2());
    if (n.has("estimate_bt")) {
      close("estimate_bt", n.get("estimate_bt"), r.backTransform().apply(p.estimate()));
      close("ci_lb_bt", n.get("ci_lb_bt"), r.backTransform().apply(p.ciLb()));
      close("ci_ub_bt", n.get("ci_ub_bt"), r.backTransform().apply(p.ciUb()));
    }
    if (!measure.equals("MD") && !measure.equals("SMD")) {
      for (int i = 0; i < p.studies().size(); i++) {
        close("yi[" + i + "]", n.get("yi").get(i), p.studies().get(i).yi());
        close("vi[" + i + "]", n.get("vi").get(i), p.studies().get(i).vi());
      }
    } else {
      var es = p.outcome().effectSizes();
      for (int i = 0; i < es.size(); i++) {
        close("yi[" + i + "]", n.get("yi").get(i), es.get(i).yi());
        close("vi[" + i + "]", n.get("vi").get(i), es.get(i).vi());
      }
    }
  }

  static void close(String what, JsonNode expected, double actual) {
    double e = expected.asDouble();
    double tol = REL * Math.max(Math.abs(e), 1e-6);
    assertEquals(e, actual, tol, what);
  }

  /** One outcome at 12 months; each case's arm is the experimental arm of its study. */
  static ProjectData data(JsonNode in, ArmMeasure m) {
    Builder b = new Builder(m.isProportion() ? OutcomeKind.DICHOTOMOUS : OutcomeKind.CONTINUOUS);
    TimePoint t12 = b.timePoint(12);
    for (int i = 0; i < in.get("label").size(); i++) {
      long s = b.study(in.get("label").get(i).asText());
      long e = b.arm(s, ArmRole.EXPERIMENTAL);
      if (m.isProportion()) {
        b.events(s, e, t12, in.get("events").get(i).asDouble(), in.get("total").get(i).asDouble());
      } else {
        b.mean(
            s,
            e,
            t12,
            in.get("mean").get(i).asDouble(),
            in.get("sd").get(i).asDouble(),
            in.get("n").get(i).asDouble());
      }
    }
    return b.build();
  }

  /** Baseline (0) and 12 months; group 1 = experimental, group 2 = control. */
  static ProjectData changeProject(JsonNode in) {
    Builder b = new Builder(OutcomeKind.CONTINUOUS);
    TimePoint t0 = b.timePoint(0);
    TimePoint t12 = b.timePoint(12);
    for (int i = 0; i < in.get("label").size(); i++) {
      long s = b.study(in.get("label").get(i).asText());
      for (int g = 1; g <= 2; g++) {
        long a = b.arm(s, g == 1 ? ArmRole.EXPERIMENTAL : ArmRole.CONTROL);
        double nn = in.get("n" + g).get(i).asDouble();
        b.mean(
            s, a, t0, in.get("mb" + g).get(i).asDouble(), in.get("sdb" + g).get(i).asDouble(), nn);
        b.mean(
            s, a, t12, in.get("mf" + g).get(i).asDouble(), in.get("sdf" + g).get(i).asDouble(), nn);
      }
    }
    return b.build();
  }

  /** A minimal in-memory project with one outcome "Y". */
  static final class Builder {
    final Outcome outcome;
    final List<Study> studies = new ArrayList<>();
    final List<Arm> arms = new ArrayList<>();
    final List<TimePoint> tps = new ArrayList<>();
    final List<Measurement> ms = new ArrayList<>();

    Builder(OutcomeKind kind) {
      outcome = new Outcome(1, "Y", kind, "", true, 0);
    }

    TimePoint timePoint(double months) {
      TimePoint t = new TimePoint(tps.size() + 1, 1, months, "");
      tps.add(t);
      return t;
    }

    long study(String label) {
      long id = studies.size() + 1;
      studies.add(
          new Study(
              id,
              "s" + id,
              label,
              "",
              2000,
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              StudyStatus.INCLUDED,
              (int) id));
      return id;
    }

    long arm(long study, ArmRole role) {
      long id = arms.size() + 1;
      arms.add(new Arm(id, study, role == ArmRole.EXPERIMENTAL ? "E" : "C", role, "", null, 0));
      return id;
    }

    void mean(long s, long a, TimePoint t, double mean, double sd, double n) {
      ms.add(
          Measurement.continuous(
              s,
              1,
              a,
              t.id(),
              CellText.of(n),
              CellText.of(mean),
              CellText.of(sd),
              Provenance.NONE));
    }

    void events(long s, long a, TimePoint t, double x, double n) {
      ms.add(
          Measurement.dichotomous(
              s, 1, a, t.id(), CellText.of(x), CellText.of(n), Provenance.NONE));
    }

    ProjectData build() {
      return new ProjectData(
          new Project("t", "", "", Instant.EPOCH, Instant.EPOCH, 2),
          studies,
          List.of(),
          List.of(),
          arms,
          List.of(outcome),
          tps,
          ms,
          List.of(),
          List.of(),
          List.of());
    }
  }
}
