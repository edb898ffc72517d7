package org.ewb.logic.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.AnalysisSettings;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.EffectSize;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.MhResult;
import org.ewb.logic.meta.Prediction;
import org.ewb.logic.meta.ProjectAnalysisInput;
import org.ewb.logic.meta.StudyData;
import org.ewb.logic.meta.StudyTable;
import org.ewb.logic.meta.SubgroupResult;
import org.ewb.logic.meta.TauMethod;
import org.ewb.logic.meta.TestType;
import org.ewb.model.CharacteristicField;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;

/**
 * Turns an engine result ({@link AnalysisOutcome}) into a {@link ForestPlotModel}: per-arm data
 * columns, chosen characteristic columns, weights, study and pooled intervals, subgroup blocks with
 * their own pooled diamonds and heterogeneity, the prediction interval, and the heterogeneity and
 * overall-effect lines. Weights (and so square sizes) are those of the overall analysis, also
 * inside subgroups, as RevMan shows them.
 */
public final class ForestModelBuilder {

  private ForestModelBuilder() {}

  /** Runs the analysis a request describes on a project outcome and builds its forest plot. */
  public static ForestPlotModel build(ProjectData data, FigureRequest r) {
    AnalysisOutcome out = analyse(data, r);
    Outcome outcome = FollowUpModelBuilder.outcome(data, r.outcome());
    List<Column> extra = extraColumns(data, r.columns(), out.table());
    return sorted(build(out, extra, outcome.lowerIsBetter()), r.sort(), out.table());
  }

  /**
   * The model with the studies of each group ordered by {@code sort}: "study" (label), "effect",
   * "weight" or a characteristic field key (numerically where both values are numbers, else as
   * text); a leading "-" sorts descending; null or blank keeps the order. Ties keep their order.
   */
  public static ForestPlotModel sorted(ForestPlotModel m, String sort, StudyTable table) {
    if (sort == null || sort.isBlank()) {
      return m;
    }
    String key = sort.strip();
    boolean desc = key.startsWith("-");
    String k = desc ? key.substring(1) : key;
    java.util.Map<String, String> byLabel = new java.util.HashMap<>();
    java.util.function.Function<ForestPlotModel.StudyRow, String> text;
    switch (k.toLowerCase(Locale.ROOT)) {
      case "study", "label" -> text = ForestPlotModel.StudyRow::label;
      case "effect" -> text = r -> Double.toString(r.estimate());
      case "weight" -> text = r -> Double.toString(r.weightPercent());
      default -> {
        List<String> values =
            table.columns().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(k))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElseThrow(
                    () ->
                        new WorkbenchException(
                            WorkbenchException.Kind.USAGE,
                            Localization.lang(
                                "figure.error.sort",
                                sort,
                                String.join(", ", table.columns().keySet()))));
        for (int i = 0; i < table.studies().size(); i++) {
          byLabel.put(table.studies().get(i).label(), values.get(i));
        }
        text = r -> byLabel.getOrDefault(r.label(), "");
      }
    }
    java.util.Comparator<ForestPlotModel.StudyRow> cmp =
        (a, b) -> compareValues(text.apply(a), text.apply(b));
    if (desc) {
      cmp = cmp.reversed();
    }
    List<ForestPlotModel.Group> groups = new ArrayList<>();
    for (ForestPlotModel.Group g : m.groups()) {
      List<ForestPlotModel.StudyRow> rows = new ArrayList<>(g.studies());
      rows.sort(cmp);
      groups.add(new ForestPlotModel.Group(g.heading(), rows, g.summary(), g.notes()));
    }
    return new ForestPlotModel(
        m.studyHeader(),
        m.columns(),
        m.weightHeader(),
        m.effectHeader(),
        m.effectSubheader(),
        m.ciHeader(),
        groups,
        m.overall(),
        m.predictionInterval(),
        m.footnotes(),
        m.logScale(),
        m.nullValue(),
        m.favoursLeft(),
        m.favoursRight(),
        m.decimals(),
        m.axisExtent(),
        m.notEstimable());
  }

  /** Numbers numerically (NaN and empty last), otherwise text. */
  private static int compareValues(String a, String b) {
    Double x = parse(a);
    Double y = parse(b);
    if (x != null && y != null) {
      return Double.compare(x, y);
    }
    if (x != null || y != null) {
      return x != null ? -1 : 1;
    }
    return a.compareToIgnoreCase(b);
  }

  private static Double parse(String s) {
    try {
      double d = Double.parseDouble(s.strip());
      return Double.isNaN(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The engine run behind a figure request (shared with the funnel plot). */
  public static AnalysisOutcome analyse(ProjectData data, FigureRequest r) {
    StudyTable table = ProjectAnalysisInput.build(data, r.outcome(), r.timepoint(), r.arms());
    Measure measure = measure(r.measure(), table.kind());
    AnalysisOptions o =
        new AnalysisOptions(
            measure, r.model(), test(r.test()), r.subgroup(), null, false, null, false);
    return MetaAnalysisRunner.run(table, o);
  }

  /** An extra text column: header and one value per study of the table. */
  public record Column(String header, List<String> values) {}

  /**
   * The forest plot of an engine result.
   *
   * @param extra characteristic columns (values in the table's study order)
   * @param lowerIsBetter whether effects below the null favour the experimental arm
   */
  public static ForestPlotModel build(
      AnalysisOutcome out, List<Column> extra, boolean lowerIsBetter) {
    return build(out, extra, lowerIsBetter, null);
  }

  /**
   * @param decimals decimals of the arm columns' means and SDs (the outcome's setting); null: as
   *     many as the values typed with the fewest digits beyond the point need, so a combined arm's
   *     7.83649 shows as 7.84 beside 7.46
   */
  public static ForestPlotModel build(
      AnalysisOutcome out, List<Column> extra, boolean lowerIsBetter, Integer decimals) {
    StudyTable table = out.table();
    List<EffectSize> es = out.effectSizes();
    List<ForestPlotModel.Column> cols = new ArrayList<>(armColumns(table.kind()));
    extra.forEach(c -> cols.add(new ForestPlotModel.Column("", c.header())));
    double[] weights = weights(out);
    List<ForestPlotModel.StudyRow> rows = new ArrayList<>();
    for (int i = 0; i < es.size(); i++) {
      EffectSize e = es.get(i);
      List<String> cells = new ArrayList<>(armCells(e.input()));
      for (Column c : extra) {
        cells.add(c.values().get(i));
      }
      rows.add(
          e.included()
              ? new ForestPlotModel.StudyRow(
                  e.label(), cells, e.yi(), e.ciLb(), e.ciUb(), weights[i])
              : new ForestPlotModel.StudyRow(
                  e.label(), cells, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }
    int nArm = armColumns(table.kind()).size();
    int nCols = cols.size();
    if (table.kind() == StudyTable.Kind.CONTINUOUS) {
      rows = harmonise(rows, decimals);
    }
    List<ForestPlotModel.Group> groups = new ArrayList<>();
    List<String> footnotes = new ArrayList<>();
    // a study whose arms were combined, or whose values were derived, says so under the plot
    java.util.regex.Pattern combined = Localization.pattern("meta.project.combined", 3);
    java.util.regex.Pattern derived = Localization.pattern("meta.project.derived", 3);
    for (String n : table.notes()) {
      if (combined.matcher(n).matches() || derived.matcher(n).matches()) {
        footnotes.add(n);
      }
    }
    SubgroupResult sub = out.subgroups();
    if (sub != null) {
      for (SubgroupResult.Subgroup g : sub.subgroups()) {
        List<ForestPlotModel.StudyRow> gr = new ArrayList<>();
        double w = 0;
        List<EffectSize> ges = new ArrayList<>();
        for (int i : g.rows()) {
          gr.add(rows.get(i));
          ges.add(es.get(i));
          if (Double.isFinite(weights[i])) {
            w += weights[i];
          }
        }
        MetaResult fit = g.fit();
        ForestPlotModel.Summary s =
            new ForestPlotModel.Summary(
                Localization.lang("figure.subtotalCi"),
                totals(ges, nArm, nCols, table.kind()),
                fit.estimate(),
                fit.ciLb(),
                fit.ciUb(),
                w);
        groups.add(
            new ForestPlotModel.Group(g.level(), gr, s, List.of(heterogeneity(fit), overall(fit))));
      }
      SubgroupResult.SeparateTau2Test t = sub.separate();
      footnotes.add(FigureText.subgroupDifferences(t.qBetween(), t.df(), t.pval()));
    } else {
      groups.add(new ForestPlotModel.Group("", rows, null, List.of()));
    }
    ForestPlotModel.Summary total;
    ForestPlotModel.Interval pi = null;
    String subheader;
    List<String> overallNotes = new ArrayList<>();
    List<String> totalsCells = totals(es, nArm, nCols, table.kind());
    if (out.model() != null) {
      MetaResult m = out.model();
      total =
          new ForestPlotModel.Summary(
              Localization.lang("figure.totalCi"),
              totalsCells,
              m.estimate(),
              m.ciLb(),
              m.ciUb(),
              100);
      if (m.method() != TauMethod.EE) {
        Prediction p = m.prediction();
        pi =
            new ForestPlotModel.Interval(
                Localization.lang("figure.predictionInterval"), p.pred(), p.piLb(), p.piUb());
      }
      overallNotes.add(heterogeneity(m));
      overallNotes.add(overall(m));
      subheader =
          m.method() == TauMethod.EE
              ? Localization.lang("figure.method.fixed")
              : Localization.lang(
                  m.test() == TestType.KNHA ? "figure.method.randomHk" : "figure.method.random",
                  m.method().name());
    } else {
      MhResult mh = out.mh();
      total =
          new ForestPlotModel.Summary(
              Localization.lang("figure.totalCi"),
              totalsCells,
              mh.estimate(),
              mh.ciLb(),
              mh.ciUb(),
              100);
      overallNotes.add(
          Localization.lang(
              "figure.heterogeneityCommon",
              FigureText.fixed(mh.i2(), 0),
              FigureText.fixed(mh.qe(), 2),
              Integer.toString(mh.qeDf()),
              FigureText.pValue(mh.qep())));
      overallNotes.add(FigureText.overallEffect("z", mh.zval(), mh.pval()));
      subheader = Localization.lang(mh.peto() ? "figure.method.peto" : "figure.method.mh");
    }
    overallNotes.addAll(footnotes);
    Measure measure = out.options().measure();
    boolean log = out.backTransform() == BackTransform.EXP;
    String left =
        Localization.lang(lowerIsBetter ? "figure.favoursExperimental" : "figure.favoursControl");
    String right =
        Localization.lang(lowerIsBetter ? "figure.favoursControl" : "figure.favoursExperimental");
    String measureName = Localization.lang("figure.measure." + measure.name());
    if (out.mh() != null && out.mh().peto()) {
      measureName = Localization.lang("figure.measure.PETO");
    }
    return new ForestPlotModel(
        Localization.lang("figure.study"),
        cols,
        Localization.lang("figure.weight"),
        measureName,
        subheader,
        Localization.lang("figure.ci95"),
        groups,
        List.of(total),
        pi,
        overallNotes,
        log,
        0,
        left,
        right,
        2,
        Double.NaN,
        Localization.lang("figure.notEstimable"));
  }

  /** Characteristic columns by field key, labelled in the current language. */
  public static List<Column> extraColumns(ProjectData data, List<String> keys, StudyTable t) {
    List<Column> out = new ArrayList<>();
    for (String key : keys) {
      CharacteristicField f =
          data.fields().stream()
              .filter(x -> x.key().equalsIgnoreCase(key.strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new WorkbenchException(
                          WorkbenchException.Kind.USAGE,
                          Localization.lang(
                              "figure.error.column",
                              key,
                              data.fields().stream()
                                  .map(CharacteristicField::key)
                                  .collect(Collectors.joining(", ")))));
      List<String> values = t.columns().get(f.key());
      out.add(new Column(f.label(Localization.language()), values));
    }
    return out;
  }

  static Measure measure(String name, StudyTable.Kind kind) {
    if (name == null || name.isBlank()) {
      // the same default as the analysis view's list and the export (AnalysisSettings)
      return AnalysisSettings.defaultMeasure(kind);
    }
    try {
      return Measure.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("figure.error.measure", name));
    }
  }

  static TestType test(String name) {
    if (name == null || name.isBlank() || name.equalsIgnoreCase("z")) {
      return TestType.Z;
    }
    if (name.equalsIgnoreCase("knha") || name.equalsIgnoreCase("hk")) {
      return TestType.KNHA;
    }
    throw new WorkbenchException(
        WorkbenchException.Kind.USAGE, Localization.lang("figure.error.test", name));
  }

  private static String heterogeneity(MetaResult m) {
    return FigureText.heterogeneity(m.tau2(), m.i2(), m.qe(), m.qeDf(), m.qep());
  }

  private static String overall(MetaResult m) {
    String stat = m.test() == TestType.KNHA ? "t(" + FigureText.fixed(m.df(), 0) + ")" : "z";
    return FigureText.overallEffect(stat, m.stat(), m.pval());
  }

  /** Overall weight in percent per study (NaN when not in the pooled estimate). */
  private static double[] weights(AnalysisOutcome out) {
    List<EffectSize> es = out.effectSizes();
    double[] w = new double[es.size()];
    if (out.model() != null) {
      int j = 0;
      for (int i = 0; i < es.size(); i++) {
        w[i] = es.get(i).included() ? out.model().weightPercent(j++) : Double.NaN;
      }
    } else {
      for (int i = 0; i < es.size(); i++) {
        w[i] = out.mh().weightPercent(i);
      }
    }
    return w;
  }

  private static List<ForestPlotModel.Column> armColumns(StudyTable.Kind kind) {
    String e = Localization.lang("figure.experimental");
    String c = Localization.lang("figure.control");
    return switch (kind) {
      case BINARY ->
          List.of(
              new ForestPlotModel.Column(e, Localization.lang("figure.events")),
              new ForestPlotModel.Column(e, Localization.lang("figure.total")),
              new ForestPlotModel.Column(c, Localization.lang("figure.events")),
              new ForestPlotModel.Column(c, Localization.lang("figure.total")));
      case CONTINUOUS ->
          List.of(
              new ForestPlotModel.Column(e, Localization.lang("figure.mean")),
              new ForestPlotModel.Column(e, Localization.lang("figure.sd")),
              new ForestPlotModel.Column(e, Localization.lang("figure.total")),
              new ForestPlotModel.Column(c, Localization.lang("figure.mean")),
              new ForestPlotModel.Column(c, Localization.lang("figure.sd")),
              new ForestPlotModel.Column(c, Localization.lang("figure.total")));
      case GENERIC ->
          List.of(
              new ForestPlotModel.Column("", Localization.lang("figure.estimate")),
              new ForestPlotModel.Column("", Localization.lang("figure.se")));
    };
  }

  /**
   * Means and SDs (arm columns 0, 1, 3, 4 of continuous data) with one number of decimals per
   * column: {@code decimals} when the outcome sets it, else the most decimals among values with at
   * most three (the typed ones): computed values with more are rounded, typed ones with fewer
   * padded ("1.4" beside "1.49" shows as 1.40), as a journal's table prints them.
   */
  private static List<ForestPlotModel.StudyRow> harmonise(
      List<ForestPlotModel.StudyRow> rows, Integer decimals) {
    int[] cols = {0, 1, 3, 4};
    int[] d = new int[6];
    for (int c : cols) {
      int most = -1;
      for (ForestPlotModel.StudyRow r : rows) {
        int k = decimalsOf(r.cells().get(c));
        if (k >= 0 && k <= 3) {
          most = Math.max(most, k);
        }
      }
      d[c] = decimals != null ? decimals : most < 0 ? 2 : most;
    }
    List<ForestPlotModel.StudyRow> out = new ArrayList<>();
    for (ForestPlotModel.StudyRow r : rows) {
      List<String> cells = new ArrayList<>(r.cells());
      for (int c : cols) {
        String t = cells.get(c);
        int k = decimalsOf(t);
        if (k >= 0 && k != d[c]) {
          cells.set(
              c,
              new java.math.BigDecimal(t)
                  .setScale(d[c], java.math.RoundingMode.HALF_UP)
                  .toPlainString());
        }
      }
      out.add(
          new ForestPlotModel.StudyRow(
              r.label(), cells, r.estimate(), r.lower(), r.upper(), r.weightPercent()));
    }
    return out;
  }

  /** Digits after the point of a plain number ("7.46" 2, "8" 0), or -1 if it is not one. */
  private static int decimalsOf(String t) {
    if (t == null || t.isEmpty() || !t.matches("-?\\d+(\\.\\d+)?")) {
      return -1;
    }
    int dot = t.indexOf('.');
    return dot < 0 ? 0 : t.length() - dot - 1;
  }

  private static List<String> armCells(StudyData d) {
    if (d instanceof StudyData.TwoByTwo t) {
      return List.of(num(t.eventsE()), num(t.totalE()), num(t.eventsC()), num(t.totalC()));
    }
    if (d instanceof StudyData.ContinuousArms c) {
      return List.of(
          num(c.meanE()), num(c.sdE()), num(c.nE()), num(c.meanC()), num(c.sdC()), num(c.nC()));
    }
    if (d instanceof StudyData.GenericEffect g) {
      return List.of(num(g.yi()), num(Math.sqrt(g.vi())));
    }
    StudyData.Correlation r = (StudyData.Correlation) d;
    return List.of(num(r.r()), num(r.n()));
  }

  /** Summed events and totals (binary) or totals (continuous) of the studies in the estimate. */
  private static List<String> totals(
      List<EffectSize> es, int nArm, int nCols, StudyTable.Kind kind) {
    List<String> cells = new ArrayList<>();
    double[] sum = new double[nArm];
    for (EffectSize e : es) {
      if (!e.included()) {
        continue;
      }
      if (e.input() instanceof StudyData.TwoByTwo t) {
        sum[0] += t.eventsE();
        sum[1] += t.totalE();
        sum[2] += t.eventsC();
        sum[3] += t.totalC();
      } else if (e.input() instanceof StudyData.ContinuousArms c) {
        sum[2] += c.nE();
        sum[5] += c.nC();
      }
    }
    for (int i = 0; i < nArm; i++) {
      boolean shown =
          kind == StudyTable.Kind.BINARY
              || (kind == StudyTable.Kind.CONTINUOUS && (i == 2 || i == 5));
      cells.add(shown ? num(sum[i]) : "");
    }
    while (cells.size() < nCols) {
      cells.add("");
    }
    return cells;
  }

  /** A number as the reviewer typed it would look: no trailing ".0", up to 4 decimals. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
