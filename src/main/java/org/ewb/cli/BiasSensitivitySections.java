package org.ewb.cli;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.EffectSize;
import org.ewb.logic.meta.MantelHaenszel;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.MhOptions;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.StudyData;
import org.ewb.logic.meta.TauMethod;
import org.ewb.logic.meta.bias.BiasFields;
import org.ewb.logic.meta.bias.EggerRegressionTest;
import org.ewb.logic.meta.bias.EggerRmaTest;
import org.ewb.logic.meta.bias.RankCorrelationTest;
import org.ewb.logic.meta.bias.SmallStudyEffects;
import org.ewb.logic.meta.bias.TrimAndFill;
import org.ewb.logic.meta.sensitivity.CumulativeMetaAnalysis;
import org.ewb.logic.meta.sensitivity.LeaveOneOut;
import org.ewb.logic.meta.sensitivity.PooledSummary;
import org.ewb.logic.meta.sensitivity.Refit;
import org.ewb.logic.meta.sensitivity.SensitivityFields;
import org.ewb.logic.meta.sensitivity.SensitivityRow;
import org.ewb.model.WorkbenchException;

/**
 * The {@code --bias}, {@code --leave1out} and {@code --cumulative} parts of {@code analyze}: runs
 * them on the included studies and renders them as JSON objects named as in the metafor reference
 * files ({@code bias: {regtest_rma_<METHOD>, regtest_lm, ranktest, trimfill_<METHOD>}}, {@code
 * leave1out: {rows: [...]}}, {@code cumul: {rows: [...]}}) or as a readable report. Kept apart from
 * the command class so that the engine's and these options can evolve independently.
 */
public final class BiasSensitivitySections {

  /** Which sections were asked for. */
  public record Options(boolean bias, boolean leave1out, boolean cumulative) {
    public boolean any() {
      return bias || leave1out || cumulative;
    }
  }

  private final Options options;
  private final RandomEffectsModel model;
  private final BackTransform bt;
  private SmallStudyEffects.Report biasReport;
  private List<SensitivityRow> leave1outRows;
  private List<SensitivityRow> cumulRows;
  private String leave1outError;
  private String cumulError;
  private final String refitModelName;

  /**
   * Runs the sections asked for with an inverse-variance model.
   *
   * @param model the analysis' inverse-variance model
   * @param yi effect sizes of the included studies, in data order
   * @param vi their sampling variances
   * @param studies their labels
   */
  public BiasSensitivitySections(
      Options options,
      RandomEffectsModel model,
      BackTransform bt,
      double[] yi,
      double[] vi,
      List<String> studies) {
    this(options, model, bt, yi, vi, Refit.of(model, yi, vi), studies, model.method().name());
  }

  /**
   * Runs the sections asked for: the small-study-effect methods with {@code model} on yi / vi, the
   * leave-one-out and cumulative analyses with {@code refit} over {@code refitStudies} (which may
   * be Mantel-Haenszel refits over all tables), titled with {@code refitModelName}.
   */
  private BiasSensitivitySections(
      Options options,
      RandomEffectsModel model,
      BackTransform bt,
      double[] yi,
      double[] vi,
      Refit refit,
      List<String> refitStudies,
      String refitModelName) {
    this.options = options;
    this.model = model;
    this.bt = bt;
    this.refitModelName = refitModelName;
    if (options.bias()) {
      biasReport = SmallStudyEffects.of(model).run(yi, vi);
    }
    if (options.leave1out()) {
      try {
        leave1outRows = LeaveOneOut.of(refit).run(refitStudies);
      } catch (WorkbenchException e) {
        if (e.kind() != WorkbenchException.Kind.DATA) {
          throw e;
        }
        // e.g. a single study: report it in the section, keep the main analysis
        leave1outError = e.getMessage();
      }
    }
    if (options.cumulative()) {
      try {
        cumulRows = CumulativeMetaAnalysis.of(refit).run(refitStudies);
      } catch (WorkbenchException e) {
        if (e.kind() != WorkbenchException.Kind.DATA) {
          throw e;
        }
        // e.g. more studies than the bound: report it in the section, keep the main analysis
        cumulError = e.getMessage();
      }
    }
  }

  /**
   * The sections for one {@code analyze} outcome. Inverse-variance analyses: everything with the
   * outcome's model (tau^2 estimator and test) on the included studies. Mantel-Haenszel / Peto:
   * leave-one-out and cumulative refit MH / Peto on the 2x2 tables with the same options (as
   * metafor's {@code leave1out.rma.mh}); the small-study-effect methods, which metafor only has for
   * {@code rma.uni}, use the EE model on the per-study yi / vi (ADR 0041). Null when no section was
   * asked for.
   */
  public static BiasSensitivitySections forOutcome(AnalysisOutcome outcome, Options options) {
    if (!options.any()) {
      return null;
    }
    List<EffectSize> used = outcome.effectSizes().stream().filter(EffectSize::included).toList();
    double[] yi = used.stream().mapToDouble(EffectSize::yi).toArray();
    double[] vi = used.stream().mapToDouble(EffectSize::vi).toArray();
    if (outcome.model() != null) {
      RandomEffectsModel model =
          RandomEffectsModel.of(outcome.model().method()).withTest(outcome.model().test());
      return new BiasSensitivitySections(
          options,
          model,
          outcome.backTransform(),
          yi,
          vi,
          used.stream().map(EffectSize::label).toList());
    }
    AnalysisOptions o = outcome.options();
    // the same options as MetaAnalysisRunner uses for the main MH / Peto fit
    MhOptions mo = o.mhCc() ? MhOptions.CC_IN_TABLES : MhOptions.DEFAULT;
    if (o.add() != null) {
      mo = new MhOptions(o.add(), true, o.mhCc() ? o.add() : 0, mo.drop00Tables(), mo.correct());
    }
    MantelHaenszel mh =
        (o.isPeto() ? MantelHaenszel.peto() : MantelHaenszel.of(o.measure())).withOptions(mo);
    List<StudyData.TwoByTwo> tables = new ArrayList<>();
    outcome.table().studies().forEach(s -> tables.add((StudyData.TwoByTwo) s));
    Refit refit =
        idx -> {
          List<StudyData.TwoByTwo> subset = new ArrayList<>(idx.length);
          for (int i : idx) {
            subset.add(tables.get(i));
          }
          return PooledSummary.of(mh.fit(subset));
        };
    return new BiasSensitivitySections(
        options,
        RandomEffectsModel.of(TauMethod.EE),
        outcome.backTransform(),
        yi,
        vi,
        refit,
        tables.stream().map(StudyData::label).toList(),
        o.isPeto() ? "Peto" : "MH");
  }

  /** The JSON objects to add to the {@code analyze --json} output. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (biasReport != null) {
      m.put("bias", BiasFields.report(biasReport, bt));
    }
    if (leave1outRows != null) {
      m.put("leave1out", Map.of("rows", SensitivityFields.rows(leave1outRows, bt)));
    } else if (leave1outError != null) {
      m.put("leave1out", Map.of("error", leave1outError));
    }
    if (cumulRows != null) {
      m.put("cumul", Map.of("rows", SensitivityFields.rows(cumulRows, bt)));
    } else if (cumulError != null) {
      m.put("cumul", Map.of("error", cumulError));
    }
    return m;
  }

  /** The readable report of the sections, ending with a newline. */
  public String text() {
    StringBuilder out = new StringBuilder("\n");
    if (biasReport != null) {
      appendBias(out);
    }
    if (leave1outRows != null) {
      appendRows(
          out,
          lang("report.leave1out.title", refitModelName),
          lang("report.leave1out.column"),
          leave1outRows);
    }
    if (leave1outError != null) {
      out.append(lang("report.leave1out.title", refitModelName))
          .append("\n  ")
          .append(lang("report.bias.failed", "leave-one-out", leave1outError))
          .append("\n\n");
    }
    if (cumulRows != null) {
      appendRows(
          out, lang("report.cumul.title", refitModelName), lang("report.cumul.column"), cumulRows);
    }
    if (cumulError != null) {
      out.append(lang("report.cumul.title", refitModelName))
          .append("\n  ")
          .append(lang("report.bias.failed", "cumulative", cumulError))
          .append("\n\n");
    }
    return out.toString();
  }

  private void appendBias(StringBuilder out) {
    String method = model.method().name();
    out.append(lang("report.bias.title", method)).append('\n');
    SmallStudyEffects.Report r = biasReport;
    if (r.regtestRma().ok()) {
      EggerRmaTest.Result e = r.regtestRma().result();
      String stat = Double.isNaN(e.df()) ? "z = " + f3(e.stat()) : "t = " + f3(e.stat());
      out.append("  ")
          .append(lang("report.bias.regtestRma", method, stat, p(e.pval())))
          .append('\n')
          .append("    ")
          .append(
              lang(
                  "report.bias.limit", f4(e.limitEstimate()), f4(e.limitCiLb()), f4(e.limitCiUb())))
          .append('\n');
    } else {
      out.append("  ")
          .append(lang("report.bias.failed", "regtest (rma)", r.regtestRma().error()))
          .append('\n');
    }
    if (r.regtestLm().ok()) {
      EggerRegressionTest.Result e = r.regtestLm().result();
      out.append("  ")
          .append(lang("report.bias.regtestLm", f3(e.tval()), String.valueOf(e.df()), p(e.pval())))
          .append('\n')
          .append("    ")
          .append(
              lang(
                  "report.bias.limit", f4(e.limitEstimate()), f4(e.limitCiLb()), f4(e.limitCiUb())))
          .append('\n');
    } else {
      out.append("  ")
          .append(lang("report.bias.failed", "regtest (lm)", r.regtestLm().error()))
          .append('\n');
    }
    if (r.ranktest().ok()) {
      RankCorrelationTest.Result k = r.ranktest().result();
      out.append("  ")
          .append(
              lang(
                  "report.bias.ranktest",
                  f3(k.tau()),
                  p(k.pval()),
                  lang(k.exact() ? "report.bias.exact" : "report.bias.normalApprox")))
          .append('\n');
    } else {
      out.append("  ")
          .append(lang("report.bias.failed", "ranktest", r.ranktest().error()))
          .append('\n');
    }
    if (r.trimfill().ok()) {
      TrimAndFill.Result t = r.trimfill().result();
      MetaResult f = t.fit();
      out.append("  ")
          .append(
              lang(
                  "report.bias.trimfill",
                  t.k0(),
                  t.side() == TrimAndFill.Side.LEFT
                      ? lang("report.bias.side.left")
                      : lang("report.bias.side.right"),
                  f2(t.seK0())))
          .append('\n')
          .append("    ")
          .append(
              lang(
                  "report.bias.trimfillFit",
                  String.valueOf(t.kTotal()),
                  f4(f.estimate()),
                  f4(f.ciLb()),
                  f4(f.ciUb()),
                  p(f.pval()),
                  g4(f.tau2()),
                  f1(f.i2())))
          .append('\n');
      if (bt != BackTransform.NONE) {
        out.append("    ")
            .append(
                lang(
                    "report.bias.backTransformed",
                    f4(bt.apply(f.estimate())),
                    f4(bt.apply(f.ciLb())),
                    f4(bt.apply(f.ciUb()))))
            .append('\n');
      }
    } else {
      out.append("  ")
          .append(lang("report.bias.failed", "trimfill", r.trimfill().error()))
          .append('\n');
    }
    out.append('\n');
  }

  private void appendRows(
      StringBuilder out, String title, String column, List<SensitivityRow> rows) {
    out.append(title).append('\n');
    int width = column.length();
    for (SensitivityRow r : rows) {
      width = Math.max(width, r.study().length());
    }
    width = Math.min(width, 40);
    boolean showBt = bt != BackTransform.NONE;
    out.append(
        String.format(
            Locale.ROOT,
            "  %-" + width + "s %10s  %-21s %8s %10s %7s%s%n",
            column,
            "estimate",
            "95% CI",
            "p",
            "tau2",
            "I2(%)",
            showBt ? "   back-transformed" : ""));
    for (SensitivityRow r : rows) {
      String study = r.study().length() > width ? r.study().substring(0, width) : r.study();
      if (r.failed()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-" + width + "s %s%n",
                study,
                lang("report.rowFailed", r.failure())));
        continue;
      }
      PooledSummary f = r.fit();
      out.append(
          String.format(
              Locale.ROOT,
              "  %-" + width + "s %10s  %-21s %8s %10s %7s",
              study,
              f4(f.estimate()),
              "[" + f4(f.ciLb()) + ", " + f4(f.ciUb()) + "]",
              p(f.pval()),
              g4(f.tau2()),
              f1(f.i2())));
      if (showBt) {
        out.append(
            String.format(
                Locale.ROOT,
                "   %s [%s, %s]",
                f4(bt.apply(f.estimate())),
                f4(bt.apply(f.ciLb())),
                f4(bt.apply(f.ciUb()))));
      }
      out.append('\n');
    }
    out.append('\n');
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** Variances such as tau2 can be tiny (risk differences): 4 significant digits. */
  private static String g4(double v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.4g", v);
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** p-values as metafor prints them: 4 decimals, "<.0001" below. */
  private static String p(double v) {
    return v < 1e-4 ? "<.0001" : String.format(Locale.ROOT, "%.4f", v);
  }
}
