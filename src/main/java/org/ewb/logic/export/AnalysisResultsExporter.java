package org.ewb.logic.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.AnalysisSettings;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.Coefficient;
import org.ewb.logic.meta.EffectSize;
import org.ewb.logic.meta.HeterogeneityCi;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.MhResult;
import org.ewb.logic.meta.Prediction;
import org.ewb.logic.meta.ProjectAnalysisInput;
import org.ewb.logic.meta.StudyTable;
import org.ewb.logic.meta.SubgroupResult;
import org.ewb.logic.meta.TauMethod;
import org.ewb.logic.meta.TestType;
import org.ewb.model.ProjectData;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one "analysis results" table per saved analysis from the meta-analysis engine's result
 * records ({@link AnalysisOutcome}): per study the effect with its 95% CI and weight; subgroup
 * subtotals; the pooled estimate with its p-value; the prediction interval; heterogeneity (τ², τ,
 * I², H² with Q-profile CIs, Q); the tests for subgroup differences; meta-regression coefficients;
 * and a methods footnote (measure, model, τ² estimator, CI method, zero-cell handling, software).
 * Ratio measures are shown back-transformed (exponentiated), as in published forest tables.
 */
public final class AnalysisResultsExporter {

  private static final Logger LOG = LoggerFactory.getLogger(AnalysisResultsExporter.class);

  /** Columns: No., Study, effect, CI lower, CI upper, weight, p, notes. */
  private static final int COLS = 8;

  private AnalysisResultsExporter() {}

  /**
   * One table per saved analysis, in display order. An analysis that cannot be run (its outcome was
   * deleted, a value is invalid) gives a table that says why, so the export loses nothing.
   */
  public static List<ExportTable> build(ProjectData data, String lang) {
    List<ExportTable> out = new ArrayList<>();
    List<SavedAnalysis> analyses =
        data.analyses().stream()
            .sorted(Comparator.comparingInt(SavedAnalysis::displayOrder))
            .toList();
    for (SavedAnalysis a : analyses) {
      try {
        AnalysisSettings s = AnalysisSettings.of(a);
        if (!s.hasMetaAnalysis()) {
          // a follow-up chart pools nothing: say so rather than drop the saved analysis silently
          out.add(followUp(a.name(), s, lang));
          continue;
        }
        if (s.outcome() == null) {
          throw new WorkbenchException(
              WorkbenchException.Kind.DATA,
              "Saved analysis '" + a.name() + "': its settings name no \"outcome\"");
        }
        StudyTable table = ProjectAnalysisInput.build(data, s.outcome(), s.months(), s.arms());
        AnalysisOptions options;
        try {
          // the measure left to the default is the one the analysis view shows (first of its list)
          options = s.options(table.kind());
        } catch (WorkbenchException e) {
          throw new WorkbenchException(
              WorkbenchException.Kind.DATA,
              "Saved analysis '" + a.name() + "': " + e.getMessage(),
              e);
        }
        AnalysisOutcome o = MetaAnalysisRunner.run(table, options);
        out.add(table(a.name(), describe(data, s, Localization.forLanguage(lang)), o, lang));
      } catch (WorkbenchException e) {
        LOG.info("saved analysis '{}' not exported: {}", a.name(), e.getMessage());
        out.add(failed(a.name(), e.getMessage(), lang));
      }
    }
    return out;
  }

  /** "HbA1c, 12 months" for the title. */
  private static String describe(ProjectData data, AnalysisSettings s, Locale loc) {
    return data.outcome(s.outcome())
        .map(
            o -> {
              List<org.ewb.model.TimePoint> tps = data.timePointsOf(o.id());
              return tps.stream()
                  .filter(
                      t ->
                          s.months() == null
                              ? tps.size() == 1
                              : Math.abs(t.months() - s.months()) < 1e-9)
                  .findFirst()
                  .map(
                      t ->
                          o.name(loc.getLanguage())
                              + ", "
                              + OutcomeDataExporter.timePointLabel(t, loc))
                  .orElse(o.name(loc.getLanguage()));
            })
        .orElse(s.outcome());
  }

  /** The one-row sheet of a saved follow-up chart. */
  private static ExportTable followUp(String name, AnalysisSettings s, String lang) {
    Locale loc = Localization.forLanguage(lang);
    List<HeaderCell> header =
        List.of(new HeaderCell(Localization.lang(loc, "export.outcome.notes"), 0, 0, 1, 1));
    String outcome = s.outcome() == null ? "?" : s.outcome();
    return new ExportTable(
        "analysis-" + FileNames.slug(name),
        name,
        Localization.lang(loc, "export.analysis.followup.title", name),
        1,
        1,
        header,
        List.of(
            List.of(
                ExportCell.text(Localization.lang(loc, "export.analysis.followup.note", outcome)))),
        List.of(),
        List.of());
  }

  private static ExportTable failed(String name, String message, String lang) {
    Locale loc = Localization.forLanguage(lang);
    List<HeaderCell> header =
        List.of(new HeaderCell(Localization.lang(loc, "export.outcome.notes"), 0, 0, 1, 1));
    return new ExportTable(
        "analysis-" + FileNames.slug(name),
        name,
        Localization.lang(loc, "export.analysis.failed.title", name),
        1,
        1,
        header,
        List.of(
            List.of(
                ExportCell.text(Localization.lang(loc, "export.analysis.failed.note", message)))),
        List.of(),
        List.of());
  }

  /**
   * The results table of one analysis run.
   *
   * @param name the saved analysis' name (sheet name)
   * @param what what was analysed ("HbA1c, 12 months"), for the title
   */
  public static ExportTable table(String name, String what, AnalysisOutcome o, String lang) {
    Locale loc = Localization.forLanguage(lang);
    AnalysisOptions opt = o.options();
    BackTransform bt = o.backTransform();
    List<HeaderCell> header = new ArrayList<>();
    header.add(new HeaderCell(Localization.lang(loc, "export.column.no"), 0, 0, 2, 1));
    header.add(new HeaderCell(Localization.lang(loc, "export.column.study.label"), 0, 1, 2, 1));
    header.add(new HeaderCell(effectLabel(opt.measure(), loc), 0, 2, 2, 1));
    header.add(new HeaderCell(Localization.lang(loc, "export.analysis.col.ci"), 0, 3, 1, 2));
    header.add(new HeaderCell(Localization.lang(loc, "export.analysis.col.lower"), 1, 3, 1, 1));
    header.add(new HeaderCell(Localization.lang(loc, "export.analysis.col.upper"), 1, 4, 1, 1));
    header.add(new HeaderCell(Localization.lang(loc, "export.analysis.col.weight"), 0, 5, 2, 1));
    header.add(new HeaderCell(Localization.lang(loc, "export.analysis.col.p"), 0, 6, 2, 1));
    header.add(new HeaderCell(Localization.lang(loc, "export.outcome.notes"), 0, 7, 2, 1));

    List<List<ExportCell>> rows = new ArrayList<>();
    List<EffectSize> es = o.effectSizes();
    double[] weights = studyWeights(o);
    int[] no = {0};
    if (o.subgroups() != null) {
      SubgroupResult sg = o.subgroups();
      for (SubgroupResult.Subgroup g : sg.subgroups()) {
        rows.add(
            labelRow(
                Localization.lang(loc, "export.analysis.row.subgroup", opt.subgroup(), g.level())));
        for (int i : g.rows()) {
          rows.add(studyRow(++no[0], es.get(i), weights[i], bt, opt, loc));
        }
        MetaResult f = g.fit();
        rows.add(
            row(
                "",
                Localization.lang(loc, "export.analysis.row.subtotal", g.level()),
                effect(bt.apply(f.estimate())),
                effect(bt.apply(f.ciLb())),
                effect(bt.apply(f.ciUb())),
                ExportCell.EMPTY,
                ExportCell.pValue(f.pval()),
                Localization.lang(
                    loc,
                    "export.analysis.note.subtotal",
                    f.k(),
                    fmt(f.tau2(), 4),
                    fmt(f.i2(), 1),
                    fmt(f.qe(), 2),
                    f.qeDf(),
                    fmtP(f.qep()))));
      }
      // studies in no subgroup (empty subgroup value) are still in the overall analysis
      boolean[] inGroup = new boolean[es.size()];
      sg.subgroups().forEach(g -> g.rows().forEach(i -> inGroup[i] = true));
      for (int i = 0; i < es.size(); i++) {
        if (!inGroup[i]) {
          rows.add(studyRow(++no[0], es.get(i), weights[i], bt, opt, loc));
        }
      }
    } else {
      for (int i = 0; i < es.size(); i++) {
        rows.add(studyRow(++no[0], es.get(i), weights[i], bt, opt, loc));
      }
    }

    if (o.model() != null) {
      addModelRows(rows, o.model(), bt, opt, loc);
    } else {
      addMhRows(rows, o.mh(), loc);
    }
    if (o.subgroups() != null) {
      SubgroupResult sg = o.subgroups();
      rows.add(
          row(
              "",
              Localization.lang(loc, "export.analysis.row.diffSeparate", sg.separate().df()),
              ExportCell.number(sg.separate().qBetween(), 2),
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ExportCell.pValue(sg.separate().pval()),
              ""));
      MetaResult c = sg.common().withIntercept();
      String df = c.test() == TestType.KNHA ? c.qmDf() + ", " + fmt(c.qmDf2(), 0) : "" + c.qmDf();
      rows.add(
          row(
              "",
              Localization.lang(loc, "export.analysis.row.diffCommon", df),
              ExportCell.number(c.qm(), 2),
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ExportCell.pValue(c.qmp()),
              Localization.lang(loc, "export.analysis.note.commonTau2", fmt(c.tau2(), 4))));
    }
    if (o.metaRegression() != null) {
      MetaResult f = o.metaRegression().fit();
      for (Coefficient co : f.coefficients()) {
        // coefficients are differences on the analysis scale: not back-transformed
        rows.add(
            row(
                "",
                Localization.lang(
                    loc, "export.analysis.row.metareg", o.metaRegression().moderator(), co.name()),
                effect(co.estimate()),
                effect(co.ciLb()),
                effect(co.ciUb()),
                ExportCell.EMPTY,
                ExportCell.pValue(co.pval()),
                Localization.lang(loc, "export.analysis.note.analysisScale")));
      }
    }

    List<String> footnotes = methods(o, loc);
    String title =
        Localization.lang(
            loc, "export.analysis.title", name, what, measureWords(opt.measure(), loc));
    return new ExportTable(
        "analysis-" + FileNames.slug(name),
        name,
        title,
        2,
        COLS,
        header,
        rows,
        footnotes,
        List.of(0));
  }

  /** Weight (percent) of each effect size in the main model, NaN if the study is not used. */
  private static double[] studyWeights(AnalysisOutcome o) {
    List<EffectSize> es = o.effectSizes();
    double[] w = new double[es.size()];
    if (o.model() != null) {
      int j = 0;
      for (int i = 0; i < es.size(); i++) {
        w[i] = es.get(i).included() ? o.model().weightPercent(j++) : Double.NaN;
      }
    } else {
      for (int i = 0; i < es.size(); i++) {
        w[i] = o.mh().weightPercent(i);
      }
    }
    return w;
  }

  private static List<ExportCell> studyRow(
      int no, EffectSize e, double weight, BackTransform bt, AnalysisOptions opt, Locale loc) {
    List<String> notes = new ArrayList<>();
    if (!e.included()) {
      notes.add(Localization.lang(loc, "export.analysis.note.notIncluded"));
    }
    if (e.ccAdded()) {
      double add = opt.add() == null ? 0.5 : opt.add();
      notes.add(Localization.lang(loc, "export.analysis.note.cc", fmt(add, -1)));
    }
    List<ExportCell> r = new ArrayList<>(COLS);
    r.add(ExportCell.integer(no));
    r.add(ExportCell.text(e.label()));
    if (e.included()) {
      r.add(effect(bt.apply(e.yi())));
      r.add(effect(bt.apply(e.ciLb())));
      r.add(effect(bt.apply(e.ciUb())));
    } else {
      r.add(ExportCell.EMPTY);
      r.add(ExportCell.EMPTY);
      r.add(ExportCell.EMPTY);
    }
    r.add(ExportCell.number(weight, 1));
    r.add(ExportCell.EMPTY);
    r.add(ExportCell.text(String.join("; ", notes)));
    return r;
  }

  private static void addModelRows(
      List<List<ExportCell>> rows,
      MetaResult m,
      BackTransform bt,
      AnalysisOptions opt,
      Locale loc) {
    boolean random = m.method() != TauMethod.EE;
    String stat =
        m.test() == TestType.KNHA
            ? Localization.lang(loc, "export.analysis.note.t", fmt(m.df(), 0), fmt(m.stat(), 2))
            : Localization.lang(loc, "export.analysis.note.z", fmt(m.stat(), 2));
    rows.add(
        row(
            "",
            random
                ? Localization.lang(loc, "export.analysis.row.pooledRandom", m.method().name())
                : Localization.lang(loc, "export.analysis.row.pooledCommon"),
            effect(bt.apply(m.estimate())),
            effect(bt.apply(m.ciLb())),
            effect(bt.apply(m.ciUb())),
            ExportCell.number(100, 1),
            ExportCell.pValue(m.pval()),
            Localization.lang(loc, "export.analysis.note.k", m.k()) + "; " + stat));
    if (!random) {
      rows.add(
          row(
              "",
              Localization.lang(loc, "export.analysis.row.q", m.qeDf()),
              ExportCell.number(m.qe(), 2),
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ExportCell.pValue(m.qep()),
              ""));
      rows.add(
          row(
              "",
              Localization.lang(loc, "export.analysis.row.i2"),
              ExportCell.number(m.i2(), 1),
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ExportCell.EMPTY,
              ""));
      return;
    }
    Prediction pi = m.prediction();
    rows.add(
        row(
            "",
            Localization.lang(loc, "export.analysis.row.pi"),
            ExportCell.EMPTY,
            effect(bt.apply(pi.piLb())),
            effect(bt.apply(pi.piUb())),
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            ""));
    HeterogeneityCi ci = m.heterogeneityCi();
    String qp = Localization.lang(loc, "export.analysis.note.qprofile");
    rows.add(
        row(
            "",
            Localization.lang(loc, "export.analysis.row.tau2"),
            ExportCell.number(m.tau2(), 4),
            bound(ci.tau2Lb(), 4, ci.lbSign()),
            bound(ci.tau2Ub(), 4, ci.ubSign()),
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            qp));
    rows.add(
        row(
            "",
            Localization.lang(loc, "export.analysis.row.tau"),
            ExportCell.number(m.tau(), 4),
            bound(ci.tauLb(), 4, ci.lbSign()),
            bound(ci.tauUb(), 4, ci.ubSign()),
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            qp));
    rows.add(
        row(
            "",
            Localization.lang(loc, "export.analysis.row.i2"),
            ExportCell.number(m.i2(), 1),
            bound(ci.i2Lb(), 1, ci.lbSign()),
            bound(ci.i2Ub(), 1, ci.ubSign()),
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            qp));
    rows.add(
        row(
            "",
            Localization.lang(loc, "export.analysis.row.h2"),
            ExportCell.number(m.h2(), 2),
            bound(ci.h2Lb(), 2, ci.lbSign()),
            bound(ci.h2Ub(), 2, ci.ubSign()),
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            qp));
    rows.add(
        row(
            "",
            Localization.lang(loc, "export.analysis.row.q", m.qeDf()),
            ExportCell.number(m.qe(), 2),
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            ExportCell.pValue(m.qep()),
            ""));
  }

  private static void addMhRows(List<List<ExportCell>> rows, MhResult r, Locale loc) {
    BackTransform bt = r.measure().backTransform();
    rows.add(
        row(
            "",
            r.peto()
                ? Localization.lang(loc, "export.analysis.row.pooledPeto")
                : Localization.lang(loc, "export.analysis.row.pooledMh"),
            effect(bt.apply(r.estimate())),
            effect(bt.apply(r.ciLb())),
            effect(bt.apply(r.ciUb())),
            ExportCell.number(100, 1),
            ExportCell.pValue(r.pval()),
            Localization.lang(loc, "export.analysis.note.k", r.k())
                + "; "
                + Localization.lang(loc, "export.analysis.note.z", fmt(r.zval(), 2))));
    rows.add(
        row(
            "",
            Localization.lang(loc, "export.analysis.row.q", r.qeDf()),
            ExportCell.number(r.qe(), 2),
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            ExportCell.pValue(r.qep()),
            ""));
    rows.add(
        row(
            "",
            Localization.lang(loc, "export.analysis.row.i2"),
            ExportCell.number(r.i2(), 1),
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            ExportCell.EMPTY,
            ""));
  }

  /** The methods footnote, one sentence per line. */
  static List<String> methods(AnalysisOutcome o, Locale loc) {
    AnalysisOptions opt = o.options();
    List<String> f = new ArrayList<>();
    f.add(
        Localization.lang(loc, "export.analysis.method.measure", measureWords(opt.measure(), loc)));
    if (o.backTransform() == BackTransform.EXP) {
      f.add(Localization.lang(loc, "export.analysis.method.logScale"));
    }
    if (o.mh() != null) {
      f.add(
          o.mh().peto()
              ? Localization.lang(loc, "export.analysis.method.peto")
              : Localization.lang(loc, "export.analysis.method.mh"));
      f.add(Localization.lang(loc, "export.analysis.method.ciZ"));
    } else {
      TauMethod t = o.model().method();
      if (t == TauMethod.EE) {
        f.add(Localization.lang(loc, "export.analysis.method.common"));
      } else {
        f.add(Localization.lang(loc, "export.analysis.method.random", estimatorWords(t, loc)));
      }
      f.add(
          opt.test() == TestType.KNHA
              ? Localization.lang(loc, "export.analysis.method.ciKnha")
              : Localization.lang(loc, "export.analysis.method.ciZ"));
      if (t != TauMethod.EE) {
        f.add(Localization.lang(loc, "export.analysis.method.pi"));
      }
    }
    if (opt.measure().isBinary()) {
      double add = opt.add() == null ? 0.5 : opt.add();
      if (o.mh() != null) {
        f.add(
            opt.mhCc()
                ? Localization.lang(loc, "export.analysis.method.zeroMhCc", fmt(add, -1))
                : Localization.lang(loc, "export.analysis.method.zeroMh", fmt(add, -1)));
      } else if (add == 0) {
        f.add(Localization.lang(loc, "export.analysis.method.zeroNone"));
      } else {
        f.add(
            opt.drop00()
                ? Localization.lang(loc, "export.analysis.method.zeroDrop00", fmt(add, -1))
                : Localization.lang(loc, "export.analysis.method.zeroKeep00", fmt(add, -1)));
      }
    }
    if (opt.subgroup() != null) {
      f.add(Localization.lang(loc, "export.analysis.method.subgroup", opt.subgroup()));
    }
    List<String> notes = gatherLeftOut(o.notes(), loc);
    if (!notes.isEmpty()) {
      f.add(Localization.lang(loc, "export.analysis.method.notes", String.join("; ", notes)));
    }
    f.add(Localization.lang(loc, "export.analysis.method.software", softwareVersion()));
    return f;
  }

  /**
   * The engine's notes with its "Study 'X' left out: no data for W" lines (one per study, in the
   * program's language) gathered into one line per W in the export language, so a sparse outcome
   * gives one sentence instead of a paragraph per study; other notes stay as they are.
   */
  static List<String> gatherLeftOut(List<String> notes, Locale loc) {
    String probe = Localization.lang("meta.project.noData", "\u0001", "\u0002");
    int a = probe.indexOf('\u0001');
    int b = probe.indexOf('\u0002');
    if (a < 0 || b < a) {
      return notes;
    }
    String prefix = probe.substring(0, a);
    String infix = probe.substring(a + 1, b);
    String suffix = probe.substring(b + 1);
    Map<String, List<String>> leftOut = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    for (String n : notes) {
      int i = n.indexOf(infix, prefix.length());
      if (n.startsWith(prefix) && n.endsWith(suffix) && i >= prefix.length()) {
        String where = n.substring(i + infix.length(), n.length() - suffix.length());
        leftOut.computeIfAbsent(where, k -> new ArrayList<>()).add(n.substring(prefix.length(), i));
      } else {
        other.add(n);
      }
    }
    List<String> out = new ArrayList<>();
    leftOut.forEach(
        (where, labels) ->
            out.add(
                Localization.lang(
                    loc,
                    "export.analysis.method.leftOut",
                    where,
                    labels.size(),
                    String.join(", ", labels))));
    out.addAll(other);
    return out;
  }

  /** "RR", "MD", ... (the effect column's header). */
  private static String effectLabel(Measure m, Locale loc) {
    return m == Measure.GEN ? Localization.lang(loc, "export.outcome.estimate") : m.name();
  }

  static String measureWords(Measure m, Locale loc) {
    String key = "export.analysis.measure." + m.name();
    return Localization.lang(loc, key);
  }

  static String estimatorWords(TauMethod t, Locale loc) {
    String key = "export.analysis.tau." + t.name();
    return Localization.lang(loc, key);
  }

  /**
   * The software version from the jar's Maven metadata ("development build" when run from classes).
   */
  static String softwareVersion() {
    String v = AnalysisResultsExporter.class.getPackage().getImplementationVersion();
    if (v != null) {
      return v;
    }
    try (InputStream in =
        AnalysisResultsExporter.class.getResourceAsStream(
            "/META-INF/maven/org.ewb/evidence-workbench/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "development build");
      }
    } catch (IOException e) {
      LOG.debug("no Maven metadata", e);
    }
    return "development build";
  }

  private static ExportCell effect(double v) {
    return ExportCell.number(v, 2);
  }

  private static List<ExportCell> labelRow(String label) {
    return row(
        "",
        label,
        ExportCell.EMPTY,
        ExportCell.EMPTY,
        ExportCell.EMPTY,
        ExportCell.EMPTY,
        ExportCell.EMPTY,
        "");
  }

  private static List<ExportCell> row(
      String no,
      String label,
      ExportCell effect,
      ExportCell lb,
      ExportCell ub,
      ExportCell weight,
      ExportCell p,
      String notes) {
    return List.of(
        ExportCell.text(no),
        ExportCell.text(label),
        effect,
        lb,
        ub,
        weight,
        p,
        ExportCell.text(notes));
  }

  /** A number for a note, rounded; {@code decimals < 0}: shortest form. */
  static String fmt(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return "NA";
    }
    if (decimals < 0) {
      return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /**
   * A Q-profile bound: a number, or, when the bound lies at the end of the search interval (the
   * true bound is larger, {@code sign} = ">"), the text "&gt;value", so that neither the sheet nor
   * the CSV shows an open-ended bound as if it were exact.
   */
  static ExportCell bound(double value, int decimals, String sign) {
    if (">".equals(sign) && Double.isFinite(value)) {
      return ExportCell.text(">" + fmt(value, decimals));
    }
    return ExportCell.number(value, decimals);
  }

  /** "= 0.018" or "< 0.001", to follow "p" in a note. */
  static String fmtP(double p) {
    return !Double.isFinite(p) ? "= NA" : p < 0.001 ? "< 0.001" : "= " + fmt(p, 3);
  }
}
