package org.ewb.logic.validation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ewb.logic.extraction.TimePointText;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Arm;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.ReportedForm;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;

/**
 * Finds the data problems of a project, each with its place: numbers that are not numbers, SD or SE
 * not above zero, counts that are not whole or below their minimum, events above the total, n
 * missing where a mean or SD is given, and softer warnings (CI bounds in the wrong order, n above
 * the number randomised, a characteristic value that does not fit its field's type). Pure logic on
 * {@link ProjectData}; the per-cell methods let a grid check one cell or one row as it is typed.
 */
public final class ProjectValidator {

  private ProjectValidator() {}

  // ------------------------------------------------------------------ single cells

  /** The problem of one cell on its own (its rule in {@link Column}), if any. */
  public static Optional<String> validateCell(Column column, CellText cell) {
    if (cell == null || cell.isEmpty()) {
      return Optional.empty();
    }
    String text = cell.text();
    OptionalDouble parsed = cell.number();
    if (parsed.isEmpty()) {
      return Optional.of(notANumber(column.label(), text));
    }
    // the label is looked up only for a problem: this runs for every cell of a large project
    double v = parsed.getAsDouble();
    switch (column.rule()) {
      case POSITIVE -> {
        if (v <= 0) {
          return Optional.of(lang("persist.problem.notPositive", column.label(), text));
        }
      }
      case COUNT, COUNT_AT_LEAST_ONE -> {
        if (v != Math.rint(v)) {
          return Optional.of(lang("persist.problem.notWhole", column.label(), text));
        }
        if (v < 0) {
          return Optional.of(lang("persist.problem.negative", column.label(), text));
        }
        if (column.rule() == Column.Rule.COUNT_AT_LEAST_ONE && v < 1) {
          return Optional.of(lang("persist.problem.belowOne", column.label(), text));
        }
      }
      case ANY -> {
        // any finite number will do
      }
    }
    return Optional.empty();
  }

  private static String notANumber(String label, String text) {
    try {
      double d = Double.parseDouble(text);
      if (!Double.isFinite(d)) {
        return lang("persist.problem.notFinite", label, text);
      }
    } catch (NumberFormatException e) {
      // not even Java's idea of a number; the hints below apply
    }
    if (text.indexOf(',') >= 0 && new CellText(text.replace(',', '.')).number().isPresent()) {
      return lang("persist.problem.commaDecimal", label, text);
    }
    return lang("persist.problem.notNumber", label, text);
  }

  // ------------------------------------------------------------------ rows

  /**
   * Every problem of one measurement: each cell on its own, then across cells. {@code randomised}
   * is the arm's number randomised (null if unknown).
   */
  public static List<CellIssue> validateMeasurement(
      Measurement m, OutcomeKind kind, Integer randomised) {
    List<CellIssue> out = new ArrayList<>();
    ReportedForm r = m.reported();
    cell(out, Column.N, m.n());
    cell(out, Column.MEAN, m.mean());
    cell(out, Column.SD, m.sd());
    cell(out, Column.EVENTS, m.events());
    cell(out, Column.TOTAL, m.total());
    cell(out, Column.SE, r.se());
    cell(out, Column.CI_LOWER, r.ciLower());
    cell(out, Column.CI_UPPER, r.ciUpper());
    cell(out, Column.MEDIAN, r.median());
    cell(out, Column.Q1, r.q1());
    cell(out, Column.Q3, r.q3());
    cell(out, Column.MIN, r.min());
    cell(out, Column.MAX, r.max());
    cell(out, Column.PERCENT_CHANGE, r.percentChange());

    if (m.n().isEmpty() && (!m.mean().isEmpty() || !m.sd().isEmpty())) {
      out.add(error(Column.N, lang("persist.problem.missingN")));
    }
    if (m.total().isEmpty() && !m.events().isEmpty()) {
      out.add(error(Column.TOTAL, lang("persist.problem.missingTotal")));
    }
    OptionalDouble events = m.events().number();
    OptionalDouble total = m.total().number();
    if (events.isPresent() && total.isPresent() && events.getAsDouble() > total.getAsDouble()) {
      out.add(
          error(
              Column.EVENTS,
              lang("persist.problem.eventsExceedTotal", m.events().text(), m.total().text())));
    }
    order(out, Column.CI_LOWER, r.ciLower(), Column.CI_UPPER, r.ciUpper());
    order(out, Column.Q1, r.q1(), Column.Q3, r.q3());
    order(out, Column.MIN, r.min(), Column.MAX, r.max());
    if (randomised != null) {
      aboveRandomised(out, Column.N, m.n(), randomised);
      aboveRandomised(out, Column.TOTAL, m.total(), randomised);
    }
    if (kind == OutcomeKind.CONTINUOUS && (!m.events().isEmpty() || !m.total().isEmpty())) {
      out.add(
          warning(
              m.events().isEmpty() ? Column.TOTAL : Column.EVENTS,
              lang("persist.problem.dichotomousInContinuous")));
    }
    if (kind == OutcomeKind.DICHOTOMOUS
        && (!m.n().isEmpty() || !m.mean().isEmpty() || !m.sd().isEmpty())) {
      Column c = !m.mean().isEmpty() ? Column.MEAN : !m.sd().isEmpty() ? Column.SD : Column.N;
      out.add(warning(c, lang("persist.problem.continuousInDichotomous")));
    }
    return out;
  }

  /** Every problem of one generic (contrast-level) estimate. */
  public static List<CellIssue> validateGenericEstimate(GenericEstimate g) {
    List<CellIssue> out = new ArrayList<>();
    cell(out, Column.EFFECT, g.effect());
    cell(out, Column.EFFECT_SE, g.se());
    if (!g.effect().isEmpty() && g.se().isEmpty()) {
      out.add(error(Column.EFFECT_SE, lang("persist.problem.missingSe")));
    }
    if (g.effect().isEmpty() && !g.se().isEmpty()) {
      out.add(error(Column.EFFECT, lang("persist.problem.missingEffect")));
    }
    return out;
  }

  /** The problem of a characteristic value against its field's type (warnings only), if any. */
  public static Optional<String> validateValue(CharacteristicField field, String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String label = field.label(Localization.language());
    FieldType type = field.type();
    if (type == FieldType.INTEGER) {
      OptionalDouble d = new CellText(v).number();
      if (d.isEmpty() || d.getAsDouble() != Math.rint(d.getAsDouble())) {
        return Optional.of(lang("persist.problem.fieldNotInteger", label, v));
      }
    } else if (type == FieldType.DECIMAL) {
      if (new CellText(v).number().isEmpty()) {
        return Optional.of(lang("persist.problem.fieldNotNumber", label, v));
      }
    } else if (type == FieldType.CHOICE) {
      if (!field.choices().isEmpty() && !field.choices().contains(v)) {
        return Optional.of(
            lang("persist.problem.fieldNotChoice", label, v, String.join(", ", field.choices())));
      }
    } else if (type == FieldType.DATE && !isDate(v)) {
      return Optional.of(lang("persist.problem.fieldNotDate", label, v));
    }
    return Optional.empty();
  }

  private static boolean isDate(String v) {
    try {
      if (v.matches("\\d{4}")) {
        return true;
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        YearMonth.parse(v);
        return true;
      }
      LocalDate.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void cell(List<CellIssue> out, Column c, CellText t) {
    validateCell(c, t).ifPresent(msg -> out.add(error(c, msg)));
  }

  private static void order(
      List<CellIssue> out, Column lo, CellText low, Column hi, CellText high) {
    OptionalDouble a = low.number();
    OptionalDouble b = high.number();
    if (a.isPresent() && b.isPresent() && a.getAsDouble() > b.getAsDouble()) {
      out.add(
          warning(
              lo,
              lang("persist.problem.wrongOrder", lo.label(), low.text(), hi.label(), high.text())));
    }
  }

  private static void aboveRandomised(List<CellIssue> out, Column c, CellText t, int randomised) {
    OptionalDouble v = t.number();
    if (v.isPresent() && v.getAsDouble() > randomised) {
      out.add(
          warning(
              c,
              lang(
                  "persist.problem.aboveRandomised",
                  c.label(),
                  t.text(),
                  Integer.toString(randomised))));
    }
  }

  private static CellIssue error(Column c, String detail) {
    return new CellIssue(Problem.Severity.ERROR, c.key(), detail);
  }

  private static CellIssue warning(Column c, String detail) {
    return new CellIssue(Problem.Severity.WARNING, c.key(), detail);
  }

  private static String lang(String key, Object... args) {
    return Localization.lang(key, args);
  }

  // ------------------------------------------------------------------ whole project

  /**
   * Every problem of the project, in the order a reviewer reads it: by study (display order), then
   * characteristic values, then outcome, time point and arm.
   */
  public static List<Problem> validate(ProjectData d) {
    Map<Long, Study> studies = d.studiesById();
    Map<Long, Integer> studyRank = rank(d.studies().stream().map(Study::id).toList());
    Map<Long, Outcome> outcomes = byId(d.outcomes(), Outcome::id);
    Map<Long, Integer> outcomeRank = rank(d.outcomes().stream().map(Outcome::id).toList());
    Map<Long, Arm> arms = byId(d.arms(), Arm::id);
    Map<Long, Integer> armRank = rank(d.arms().stream().map(Arm::id).toList());
    Map<Long, TimePoint> timePoints = byId(d.timePoints(), TimePoint::id);
    Map<Long, Integer> tpRank = rank(d.timePoints().stream().map(TimePoint::id).toList());
    Map<Long, CharacteristicField> fields = byId(d.fields(), CharacteristicField::id);
    Map<Long, Integer> fieldRank = rank(d.fields().stream().map(CharacteristicField::id).toList());

    List<Ranked> found = new ArrayList<>();
    for (CharacteristicValue v : d.values()) {
      CharacteristicField f = fields.get(v.fieldId());
      if (f == null) {
        continue;
      }
      Optional<String> issue = validateValue(f, v.value());
      if (issue.isPresent()) {
        String place = place(studies.get(v.studyId()), null, null, null);
        found.add(
            new Ranked(
                new long[] {rankOf(studyRank, v.studyId()), 0, rankOf(fieldRank, f.id()), 0, 0},
                new Problem(
                    Problem.Severity.WARNING,
                    v.studyId(),
                    0,
                    0,
                    0,
                    f.key(),
                    place + ": " + issue.get(),
                    issue.get())));
      }
    }
    for (Measurement m : d.measurements()) {
      Outcome o = outcomes.get(m.outcomeId());
      Arm a = arms.get(m.armId());
      List<CellIssue> issues =
          new ArrayList<>(
              validateMeasurement(
                  m, o == null ? null : o.kind(), a == null ? null : a.randomised()));
      if (a == null || a.studyId() != m.studyId()) {
        // possible only in a file edited by another tool (the schema cascades deletions)
        String detail = lang("persist.problem.orphanArm", Long.toString(m.armId()));
        issues.add(0, new CellIssue(Problem.Severity.ERROR, "arm", detail));
      }
      if (issues.isEmpty()) {
        continue;
      }
      String place = place(studies.get(m.studyId()), o, a, timePoints.get(m.timePointId()));
      long[] key = {
        rankOf(studyRank, m.studyId()),
        1,
        rankOf(outcomeRank, m.outcomeId()),
        rankOf(tpRank, m.timePointId()),
        rankOf(armRank, m.armId())
      };
      for (CellIssue i : issues) {
        found.add(
            new Ranked(
                key,
                new Problem(
                    i.severity(),
                    m.studyId(),
                    m.outcomeId(),
                    m.armId(),
                    m.timePointId(),
                    i.column(),
                    place + ": " + i.detail(),
                    i.detail())));
      }
    }
    for (GenericEstimate g : d.genericEstimates()) {
      List<CellIssue> issues = validateGenericEstimate(g);
      if (issues.isEmpty()) {
        continue;
      }
      String place =
          place(
              studies.get(g.studyId()),
              outcomes.get(g.outcomeId()),
              null,
              timePoints.get(g.timePointId()));
      long[] key = {
        rankOf(studyRank, g.studyId()),
        1,
        rankOf(outcomeRank, g.outcomeId()),
        rankOf(tpRank, g.timePointId()),
        -1
      };
      for (CellIssue i : issues) {
        found.add(
            new Ranked(
                key,
                new Problem(
                    i.severity(),
                    g.studyId(),
                    g.outcomeId(),
                    0,
                    g.timePointId(),
                    i.column(),
                    place + ": " + i.detail(),
                    i.detail())));
      }
    }
    // stable sort: the cells of one row keep their column order
    found.sort(Comparator.comparing(Ranked::key, ProjectValidator::compareKeys));
    return found.stream().map(Ranked::problem).toList();
  }

  private record Ranked(long[] key, Problem problem) {}

  private static int compareKeys(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = Long.compare(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
    return list.stream().collect(Collectors.toMap(id, Function.identity(), (x, y) -> x));
  }

  private static Map<Long, Integer> rank(List<Long> ids) {
    Map<Long, Integer> m = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      m.putIfAbsent(ids.get(i), i);
    }
    return m;
  }

  private static long rankOf(Map<Long, Integer> rank, long id) {
    Integer r = rank.get(id);
    return r == null ? Integer.MAX_VALUE : r;
  }

  /** "Study 'Hu 2013', HbA1c, MSC, 12 months" (parts that are null are left out). */
  public static String place(Study s, Outcome o, Arm a, TimePoint t) {
    List<String> parts = new ArrayList<>();
    if (s != null) {
      parts.add(lang("persist.problem.study", s.label().isEmpty() ? s.key() : s.label()));
    }
    if (o != null) {
      parts.add(o.name(Localization.language()));
    }
    if (a != null) {
      parts.add(a.label());
    }
    if (t != null) {
      parts.add(timePointLabel(t));
    }
    return String.join(", ", parts);
  }

  /** The time point's label, or "12 months" in the current language (see {@link TimePointText}). */
  public static String timePointLabel(TimePoint t) {
    return TimePointText.of(t);
  }
}
