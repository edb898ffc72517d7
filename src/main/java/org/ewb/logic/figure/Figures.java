package org.ewb.logic.figure;

import java.util.List;
import java.util.Optional;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.AnalysisSettings;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.MhResult;
import org.ewb.logic.meta.StudyTable;
import org.ewb.logic.meta.overtime.ArmMeasure;
import org.ewb.logic.meta.overtime.ArmOverTime;
import org.ewb.logic.meta.overtime.ChangeFromBaseline;
import org.ewb.logic.meta.overtime.OverTimeAnalysis;
import org.ewb.logic.meta.overtime.TimeWindow;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;

/** Builds the figure a {@link FigureRequest} asks for from a project snapshot. */
public final class Figures {

  private Figures() {}

  /**
   * A figure, a one-line summary of its pooled result ("" for a follow-up chart) and the analysis
   * behind it (null for a follow-up chart).
   */
  public record Rendered(Figure figure, String summary, AnalysisOutcome analysis) {}

  /** Font size of the follow-up charts in files (points). */
  public static final double FOLLOWUP_FONT_PT = 8;

  public static Figure build(ProjectData data, FigureRequest r) {
    return render(data, r).figure();
  }

  public static Rendered render(ProjectData data, FigureRequest r) {
    return render(data, r, FOLLOWUP_FONT_PT);
  }

  /**
   * @param followUpFont font size of the follow-up charts (the window draws them in pixels, so it
   *     asks for a larger size than files)
   */
  public static Rendered render(ProjectData data, FigureRequest r, double followUpFont) {
    if (r.kind() == FigureRequest.Kind.FOLLOWUP && r.pooled()) {
      OverTimeAnalysis.Result res = overTime(data, r);
      return new Rendered(
          OverTimeChart.figure(
              res,
              new OverTimeChart.Options(
                  r.errorBars() != FollowUpModelBuilder.ErrorBars.CI95, true, true, followUpFont)),
          "",
          null);
    }
    if (r.kind() == FigureRequest.Kind.FOLLOWUP) {
      return new Rendered(
          FollowUpArmChart.figure(
              FollowUpModelBuilder.build(data, r.outcome(), r.errorBars()), followUpFont),
          "",
          null);
    }
    AnalysisOutcome out = ForestModelBuilder.analyse(data, r);
    Figure f;
    if (r.kind() == FigureRequest.Kind.FOREST) {
      Outcome outcome = FollowUpModelBuilder.outcome(data, r.outcome());
      f =
          new ForestPlotRenderer(
              ForestModelBuilder.sorted(
                  ForestModelBuilder.build(
                      out,
                      ForestModelBuilder.extraColumns(data, r.columns(), out.table()),
                      outcome.lowerIsBetter(),
                      outcome.decimals()),
                  r.sort(),
                  out.table()));
    } else {
      f =
          new FunnelPlotRenderer(
              FunnelModelBuilder.build(out, r.contours(), r.egger(), r.trimfill()));
    }
    return new Rendered(f, summary(out), out);
  }

  /** The meta-analysis per time point (or window) that a pooled follow-up request asks for. */
  public static OverTimeAnalysis.Result overTime(ProjectData data, FigureRequest r) {
    Outcome outcome = FollowUpModelBuilder.outcome(data, r.outcome());
    StudyTable.Kind kind =
        switch (outcome.kind()) {
          case DICHOTOMOUS -> StudyTable.Kind.BINARY;
          case CONTINUOUS -> StudyTable.Kind.CONTINUOUS;
          case GENERIC -> StudyTable.Kind.GENERIC;
        };
    Optional<ArmMeasure> perArm = ArmMeasure.parse(r.measure());
    // per-arm measures take only the model and test of the settings (the measure is the arm's)
    AnalysisOptions o =
        new AnalysisSettings(
                "followup",
                r.outcome(),
                null,
                perArm.isPresent() ? null : r.measure(),
                r.model(),
                r.test(),
                null,
                null,
                false,
                null,
                false,
                List.of(),
                "sd",
                false,
                false,
                false,
                null)
            .options(kind);
    List<TimeWindow> windows = r.windows() == null ? List.of() : TimeWindow.parseList(r.windows());
    ChangeFromBaseline change =
        r.changeRho() == null ? null : new ChangeFromBaseline(r.changeRho());
    if (perArm.isPresent()) {
      return ArmOverTime.perArm(data, r.outcome(), perArm.get(), o, r.subgroup(), windows, change);
    }
    if (change != null) {
      return ArmOverTime.comparison(data, r.outcome(), o, r.subgroup(), windows, change);
    }
    return OverTimeAnalysis.run(data, r.outcome(), o, r.subgroup(), windows);
  }

  /** "Risk Ratio 0.49 [0.34, 0.70]; τ² = 0.31; I² = 92%" (back-transformed for ratios). */
  public static String summary(AnalysisOutcome out) {
    boolean exp = out.backTransform() == BackTransform.EXP;
    String measure = Localization.lang("figure.measure." + out.options().measure().name());
    if (out.model() != null) {
      MetaResult m = out.model();
      return Localization.lang(
          "figure.view.pooled",
          measure,
          bt(m.estimate(), exp),
          bt(m.ciLb(), exp),
          bt(m.ciUb(), exp),
          FigureText.fixed(m.tau2(), 4),
          FigureText.fixed(m.i2(), 1));
    }
    MhResult mh = out.mh();
    return Localization.lang(
        "figure.view.pooledCommon",
        measure,
        bt(mh.estimate(), exp),
        bt(mh.ciLb(), exp),
        bt(mh.ciUb(), exp),
        FigureText.fixed(mh.i2(), 1));
  }

  private static String bt(double v, boolean exp) {
    return FigureText.fixed(exp ? Math.exp(v) : v, 3);
  }
}
