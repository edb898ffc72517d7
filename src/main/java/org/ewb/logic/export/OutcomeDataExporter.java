package org.ewb.logic.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ewb.logic.extraction.TimePointText;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Arm;
import org.ewb.model.CellText;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;

/**
 * Builds one "outcome data" table per outcome: a row per included study and arm (per study for
 * contrast-level outcomes), and per time point the columns n / mean / SD, events / total, or
 * estimate / SE. Values are numbers where they parse; a value derived from another reported form
 * carries the marker {@value #DERIVED} and a footnote naming the method; text that is not a number
 * is kept as typed and flagged (shaded, and named in the row's notes).
 */
public final class OutcomeDataExporter {

  /** Marker of a derived (converted) value. */
  public static final String DERIVED = "†";

  /** Footnotes list at most this many places per derivation method. */
  private static final int MAX_PLACES = 12;

  private OutcomeDataExporter() {}

  /** One table per outcome with data from an included study, in outcome display order. */
  public static List<ExportTable> build(ProjectData data, String lang) {
    Locale loc = Localization.forLanguage(lang);
    Index index = new Index(data);
    List<ExportTable> out = new ArrayList<>();
    data.outcomes().stream()
        .sorted(Comparator.comparingInt(Outcome::displayOrder))
        .forEach(
            o -> {
              ExportTable t = build(data, index, o, lang, loc);
              if (t != null) {
                out.add(t);
              }
            });
    return out;
  }

  /** Look-ups built once per export, so that 5,000 studies do not mean 5,000 list scans. */
  private static final class Index {
    final List<Study> included;
    final Map<Long, List<Arm>> arms = new HashMap<>();
    final Map<Long, List<TimePoint>> timePoints = new HashMap<>();

    /** outcome -> (arm, time point) -> measurement. */
    final Map<Long, Map<Long, Map<Long, Measurement>>> measurements = new HashMap<>();

    /** outcome -> (study, time point) -> estimate. */
    final Map<Long, Map<Long, Map<Long, GenericEstimate>>> estimates = new HashMap<>();

    Index(ProjectData data) {
      included =
          data.studies().stream()
              .filter(s -> s.status() == StudyStatus.INCLUDED)
              .sorted(Comparator.comparingInt(Study::displayOrder))
              .toList();
      for (Arm a : data.arms()) {
        arms.computeIfAbsent(a.studyId(), k -> new ArrayList<>()).add(a);
      }
      arms.values().forEach(l -> l.sort(Comparator.comparingInt(Arm::displayOrder)));
      for (TimePoint tp : data.timePoints()) {
        timePoints.computeIfAbsent(tp.outcomeId(), k -> new ArrayList<>()).add(tp);
      }
      timePoints
          .values()
          .forEach(
              l ->
                  l.sort(
                      Comparator.comparingDouble(TimePoint::months)
                          .thenComparingLong(TimePoint::id)));
      for (Measurement m : data.measurements()) {
        measurements
            .computeIfAbsent(m.outcomeId(), k -> new HashMap<>())
            .computeIfAbsent(m.armId(), k -> new HashMap<>())
            .put(m.timePointId(), m);
      }
      for (GenericEstimate g : data.genericEstimates()) {
        estimates
            .computeIfAbsent(g.outcomeId(), k -> new HashMap<>())
            .computeIfAbsent(g.studyId(), k -> new HashMap<>())
            .put(g.timePointId(), g);
      }
    }
  }

  private static ExportTable build(ProjectData data, Index ix, Outcome o, String lang, Locale loc) {
    List<TimePoint> tps = ix.timePoints.getOrDefault(o.id(), List.of());
    boolean generic = o.kind() == OutcomeKind.GENERIC;
    List<String> sub =
        switch (o.kind()) {
          case CONTINUOUS ->
              List.of(
                  Localization.lang(loc, "export.outcome.n"),
                  Localization.lang(loc, "export.outcome.mean"),
                  Localization.lang(loc, "export.outcome.sd"));
          case DICHOTOMOUS ->
              List.of(
                  Localization.lang(loc, "export.outcome.events"),
                  Localization.lang(loc, "export.outcome.total"));
          case GENERIC ->
              List.of(
                  Localization.lang(loc, "export.outcome.estimate"),
                  Localization.lang(loc, "export.outcome.se"));
        };
    // fixed columns: No., Study, Arm (or Measure); then per time point; then Notes
    int fixed = 3;
    int ncols = fixed + tps.size() * sub.size() + 1;
    List<HeaderCell> header = new ArrayList<>();
    header.add(new HeaderCell(Localization.lang(loc, "export.column.no"), 0, 0, 2, 1));
    header.add(new HeaderCell(Localization.lang(loc, "export.column.study.label"), 0, 1, 2, 1));
    String third =
        generic
            ? Localization.lang(loc, "export.outcome.measure")
            : Localization.lang(loc, "export.outcome.arm");
    header.add(new HeaderCell(third, 0, 2, 2, 1));
    for (int i = 0; i < tps.size(); i++) {
      int c0 = fixed + i * sub.size();
      header.add(new HeaderCell(timePointLabel(tps.get(i), loc), 0, c0, 1, sub.size()));
      for (int j = 0; j < sub.size(); j++) {
        header.add(new HeaderCell(sub.get(j), 1, c0 + j, 1, 1));
      }
    }
    header.add(new HeaderCell(Localization.lang(loc, "export.outcome.notes"), 0, ncols - 1, 2, 1));

    Map<String, List<String>> derivedPlaces = new LinkedHashMap<>();
    boolean[] anyInvalid = {false};
    List<List<ExportCell>> rows = new ArrayList<>();
    int no = 0;
    for (Study s : ix.included) {
      List<List<ExportCell>> studyRows = new ArrayList<>();
      if (generic) {
        Map<Long, GenericEstimate> byTp =
            ix.estimates.getOrDefault(o.id(), Map.of()).getOrDefault(s.id(), Map.of());
        if (byTp.isEmpty()) {
          continue;
        }
        List<ExportCell> row = new ArrayList<>(ncols);
        List<String> notes = new ArrayList<>();
        String measure = byTp.values().iterator().next().measure();
        row.add(ExportCell.EMPTY);
        row.add(ExportCell.text(s.label()));
        row.add(ExportCell.text(measure));
        for (TimePoint tp : tps) {
          GenericEstimate g = byTp.get(tp.id());
          CellText[] cells =
              g == null
                  ? new CellText[] {CellText.EMPTY, CellText.EMPTY}
                  : new CellText[] {g.effect(), g.se()};
          addCells(row, cells, sub, false, tp, loc, notes, anyInvalid);
        }
        row.add(ExportCell.text(String.join("; ", notes)));
        studyRows.add(row);
      } else {
        Map<Long, Map<Long, Measurement>> byArm = ix.measurements.getOrDefault(o.id(), Map.of());
        for (Arm a : ix.arms.getOrDefault(s.id(), List.of())) {
          Map<Long, Measurement> byTp = byArm.getOrDefault(a.id(), Map.of());
          if (byTp.isEmpty()) {
            continue;
          }
          List<ExportCell> row = new ArrayList<>(ncols);
          List<String> notes = new ArrayList<>();
          row.add(ExportCell.EMPTY);
          row.add(ExportCell.text(s.label()));
          row.add(ExportCell.text(a.label()));
          for (TimePoint tp : tps) {
            Measurement m = byTp.get(tp.id());
            CellText[] cells;
            boolean derived = m != null && m.isDerived();
            if (m == null) {
              cells = new CellText[sub.size()];
              java.util.Arrays.fill(cells, CellText.EMPTY);
            } else if (o.kind() == OutcomeKind.CONTINUOUS) {
              cells = new CellText[] {m.n(), m.mean(), m.sd()};
            } else {
              cells = new CellText[] {m.events(), m.total()};
            }
            addCells(
                row,
                cells,
                sub,
                derived && o.kind() == OutcomeKind.CONTINUOUS,
                tp,
                loc,
                notes,
                anyInvalid);
            if (derived) {
              notes.add(
                  Localization.lang(
                      loc,
                      "export.outcome.note.derived",
                      timePointLabel(tp, loc),
                      derivationText(m.derivation(), loc)));
              derivedPlaces
                  .computeIfAbsent(derivationText(m.derivation(), loc), k -> new ArrayList<>())
                  .add(s.label() + ", " + a.label() + ", " + timePointLabel(tp, loc));
            }
          }
          row.add(ExportCell.text(String.join("; ", notes)));
          studyRows.add(row);
        }
      }
      if (studyRows.isEmpty()) {
        continue;
      }
      // the study's number goes on its first row only, as in a published table
      studyRows.get(0).set(0, ExportCell.integer(++no));
      rows.addAll(studyRows);
    }
    if (rows.isEmpty()) {
      return null;
    }

    List<String> footnotes = new ArrayList<>();
    String sep = "zh".equals(lang) ? "；" : "; ";
    for (Map.Entry<String, List<String>> e : derivedPlaces.entrySet()) {
      List<String> places = e.getValue();
      String list = String.join(sep, places.subList(0, Math.min(MAX_PLACES, places.size())));
      if (places.size() > MAX_PLACES) {
        list += Localization.lang(loc, "export.outcome.footnote.more", places.size() - MAX_PLACES);
      }
      footnotes.add(
          DERIVED
              + " "
              + Localization.lang(loc, "export.outcome.footnote.derived", e.getKey(), list));
    }
    if (anyInvalid[0]) {
      footnotes.add(Localization.lang(loc, "export.outcome.footnote.invalid"));
    }
    String name = o.name(lang) + (o.unit().isEmpty() ? "" : " (" + o.unit() + ")");
    String title =
        switch (o.kind()) {
          case CONTINUOUS -> Localization.lang(loc, "export.outcome.title.continuous", name);
          case DICHOTOMOUS -> Localization.lang(loc, "export.outcome.title.dichotomous", name);
          case GENERIC -> Localization.lang(loc, "export.outcome.title.generic", name);
        };
    return new ExportTable(
        "outcome-" + FileNames.slug(o.name()),
        o.name(lang),
        title,
        2,
        ncols,
        header,
        rows,
        footnotes,
        List.of(0));
  }

  private static void addCells(
      List<ExportCell> row,
      CellText[] cells,
      List<String> sub,
      boolean derivedMeanSd,
      TimePoint tp,
      Locale loc,
      List<String> notes,
      boolean[] anyInvalid) {
    for (int j = 0; j < cells.length; j++) {
      ExportCell c = ExportCell.typed(cells[j], true);
      // in a derived continuous measurement, mean and SD are the converted values; n is as reported
      if (derivedMeanSd && j > 0 && !c.isEmpty()) {
        c = c.withMarker(DERIVED);
      }
      if (c.invalid()) {
        anyInvalid[0] = true;
        notes.add(
            Localization.lang(
                loc, "export.outcome.note.invalid", timePointLabel(tp, loc), sub.get(j), c.text()));
      }
      row.add(c);
    }
  }

  static String timePointLabel(TimePoint tp, Locale loc) {
    return TimePointText.of(tp, loc);
  }

  /**
   * How a value was derived, in words ("Mean and SD estimated from median and IQR (Wan 2014, Luo
   * 2018)") instead of the stored code ({@code mean-sd-from-median-iqr}); a free-text note (the
   * samples' own) as it is.
   */
  static String derivationText(String code, java.util.Locale loc) {
    String key = "derivation." + code.replace('-', '_');
    return Localization.has(loc, key) ? Localization.lang(loc, key) : code;
  }
}
