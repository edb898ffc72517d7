package org.ewb.logic.figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;

/**
 * Builds a {@link FollowUpChartModel} straight from a project's arm-level measurements: one series
 * per included study x arm over the outcome's time points; continuous outcomes as mean with SD or
 * 95% CI bars (mean ± 1.96 SD/√n, only where n is known), dichotomous ones as % with the event.
 */
public final class FollowUpModelBuilder {

  /** What the error bars show. */
  public enum ErrorBars {
    SD,
    CI95,
    NONE
  }

  private FollowUpModelBuilder() {}

  public static FollowUpChartModel build(ProjectData data, String outcomeName, ErrorBars bars) {
    Outcome outcome = outcome(data, outcomeName);
    if (outcome.kind() == OutcomeKind.GENERIC) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          Localization.lang("figure.error.noFollowUpData", outcome.name()));
    }
    Map<Long, TimePoint> tps =
        data.timePointsOf(outcome.id()).stream()
            .collect(Collectors.toMap(TimePoint::id, Function.identity()));
    boolean dichotomous = outcome.kind() == OutcomeKind.DICHOTOMOUS;
    List<FollowUpChartModel.Series> series = new ArrayList<>();
    boolean anySd = false;
    int studyIndex = 0;
    List<Study> studies = new ArrayList<>(data.studies());
    studies.sort(Comparator.comparingInt(Study::displayOrder));
    for (Study s : studies) {
      if (s.status() != StudyStatus.INCLUDED) {
        continue;
      }
      String label = s.label().isEmpty() ? s.key() : s.label();
      boolean used = false;
      List<Arm> arms = new ArrayList<>(data.armsOf(s.id()));
      arms.sort(Comparator.comparingInt(Arm::displayOrder));
      for (Arm a : arms) {
        List<FollowUpChartModel.Point> pts = new ArrayList<>();
        for (Measurement m : data.measurements()) {
          if (m.studyId() != s.id() || m.outcomeId() != outcome.id() || m.armId() != a.id()) {
            continue;
          }
          TimePoint tp = tps.get(m.timePointId());
          if (tp == null) {
            continue;
          }
          Cell cell = new Cell(label, outcome.name(), a.label(), tp.months());
          FollowUpChartModel.Point p = dichotomous ? percent(m, cell) : mean(m, cell, bars);
          if (p != null) {
            p = new FollowUpChartModel.Point(p.months(), p.value(), p.low(), p.high(), detail(m));
            pts.add(p);
            anySd |= Double.isFinite(p.low());
          }
        }
        if (!pts.isEmpty()) {
          pts.sort(Comparator.comparingDouble(FollowUpChartModel.Point::months));
          series.add(
              new FollowUpChartModel.Series(
                  Localization.lang("figure.followup.series", label, a.label()), studyIndex,
                  style(a.role()), pts));
          used = true;
        }
      }
      if (used) {
        studyIndex++;
      }
    }
    if (series.isEmpty()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          Localization.lang("figure.error.noFollowUpData", outcome.name()));
    }
    String unit = outcome.unit().isEmpty() ? "" : " (" + outcome.unit() + ")";
    String yLabel =
        dichotomous
            ? Localization.lang("figure.followup.percentAxis", outcome.name())
            : outcome.name() + unit;
    String note =
        dichotomous
            ? Localization.lang("figure.followup.percent")
            : !anySd || bars == ErrorBars.NONE
                ? Localization.lang("figure.followup.meanOnly")
                : bars == ErrorBars.CI95
                    ? Localization.lang("figure.followup.meanCi")
                    : Localization.lang("figure.followup.meanSd");
    return new FollowUpChartModel(
        Localization.lang("figure.followup.months"),
        yLabel,
        series,
        note,
        List.of(),
        "",
        0,
        dichotomous);
  }

  /** The outcome by name (case-insensitive), or a usage error listing the project's outcomes. */
  public static Outcome outcome(ProjectData data, String name) {
    return data.outcome(name)
        .orElseThrow(
            () ->
                new WorkbenchException(
                    WorkbenchException.Kind.USAGE,
                    Localization.lang(
                        "figure.error.noOutcome",
                        name,
                        data.outcomes().stream()
                            .map(Outcome::name)
                            .collect(Collectors.joining(", ")))));
  }

  private record Cell(String study, String outcome, String arm, double months) {}

  private static FollowUpChartModel.Point percent(Measurement m, Cell c) {
    OptionalDouble e = number(m.events(), "events", c);
    OptionalDouble t = number(m.total(), "total", c);
    if (e.isEmpty() || t.isEmpty() || !(t.getAsDouble() > 0)) {
      return null;
    }
    double v = 100 * e.getAsDouble() / t.getAsDouble();
    return new FollowUpChartModel.Point(c.months(), v, Double.NaN, Double.NaN);
  }

  private static FollowUpChartModel.Point mean(Measurement m, Cell c, ErrorBars bars) {
    OptionalDouble mean = number(m.mean(), "mean", c);
    if (mean.isEmpty()) {
      return null;
    }
    OptionalDouble sd = number(m.sd(), "SD", c);
    OptionalDouble n = number(m.n(), "n", c);
    double lo = Double.NaN;
    double hi = Double.NaN;
    if (sd.isPresent() && bars == ErrorBars.SD) {
      lo = mean.getAsDouble() - sd.getAsDouble();
      hi = mean.getAsDouble() + sd.getAsDouble();
    } else if (sd.isPresent() && n.isPresent() && n.getAsDouble() > 0 && bars == ErrorBars.CI95) {
      double half = 1.959963984540054 * sd.getAsDouble() / Math.sqrt(n.getAsDouble());
      lo = mean.getAsDouble() - half;
      hi = mean.getAsDouble() + half;
    }
    return new FollowUpChartModel.Point(c.months(), mean.getAsDouble(), lo, hi);
  }

  private static OptionalDouble number(CellText cell, String what, Cell c) {
    if (cell.isInvalidNumber()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          Localization.lang(
              "figure.error.badCell",
              c.study(),
              c.outcome(),
              c.arm(),
              Axis.label(c.months()),
              what,
              cell.text()));
    }
    return cell.number();
  }

  /** "n = 30; Table 2, p. 5: “quote”" for a tooltip. */
  private static String detail(Measurement m) {
    StringBuilder sb = new StringBuilder();
    CellText n = m.n().isEmpty() ? m.total() : m.n();
    if (n != null && !n.isEmpty()) {
      sb.append("n = ").append(n.text());
    }
    var p = m.provenance();
    String where =
        String.join(
            ", ",
            java.util.stream.Stream.of(
                    p.source() == null ? "" : p.source().name().toLowerCase(java.util.Locale.ROOT),
                    p.location())
                .filter(x -> !x.isBlank())
                .toList());
    if (!where.isEmpty() || !p.quote().isBlank()) {
      sb.append(sb.length() > 0 ? "; " : "")
          .append(Localization.lang("followup.tip.source", where, p.quote()));
    }
    if (!p.note().isBlank()) {
      sb.append(sb.length() > 0 ? "; " : "").append(p.note());
    }
    if (!m.derivation().isBlank()) {
      sb.append(sb.length() > 0 ? "; " : "").append(m.derivation());
    }
    return sb.toString();
  }

  private static FollowUpChartModel.ArmStyle style(ArmRole role) {
    return switch (role) {
      case EXPERIMENTAL -> FollowUpChartModel.ArmStyle.EXPERIMENTAL;
      case CONTROL -> FollowUpChartModel.ArmStyle.CONTROL;
      case OTHER -> FollowUpChartModel.ArmStyle.OTHER;
    };
  }
}
