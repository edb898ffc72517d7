package org.ewb.logic.figure;

import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.BackTransform;
import org.ewb.logic.meta.EffectSize;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.TauMethod;
import org.ewb.logic.meta.bias.EggerRmaTest;
import org.ewb.logic.meta.bias.TrimAndFill;
import org.ewb.model.ProjectData;

/**
 * Builds a {@link FunnelPlotModel} from an engine result: the included studies, the pooled
 * estimate, and on request Egger's line (metafor {@code regtest}, model rma with predictor sei,
 * fitted with the analysis' own model) and the studies trim and fill adds (then the funnel is
 * centred on the trim-and-fill estimate, as metafor's {@code funnel(trimfill(...))}).
 */
public final class FunnelModelBuilder {

  private FunnelModelBuilder() {}

  public static FunnelPlotModel build(ProjectData data, FigureRequest r) {
    return build(ForestModelBuilder.analyse(data, r), r.contours(), r.egger(), r.trimfill());
  }

  public static FunnelPlotModel build(
      AnalysisOutcome out, boolean contours, boolean egger, boolean trimfill) {
    List<FunnelPlotModel.Point> pts = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> v = new ArrayList<>();
    for (EffectSize e : out.effectSizes()) {
      if (e.included()) {
        pts.add(new FunnelPlotModel.Point(e.label(), e.yi(), e.sei()));
        y.add(e.yi());
        v.add(e.vi());
      }
    }
    double[] yi = y.stream().mapToDouble(Double::doubleValue).toArray();
    double[] vi = v.stream().mapToDouble(Double::doubleValue).toArray();
    // Mantel-Haenszel / Peto have no inverse-variance model: use the common-effect IV model
    RandomEffectsModel model =
        out.model() != null
            ? RandomEffectsModel.of(out.model().method()).withTest(out.model().test())
            : RandomEffectsModel.of(TauMethod.EE);
    double pooled = out.model() != null ? out.model().estimate() : out.mh().estimate();
    double a = Double.NaN;
    double b = Double.NaN;
    if (egger) {
      EggerRmaTest.Result er = EggerRmaTest.of(model).test(yi, vi);
      a = er.limitEstimate();
      b = er.slope();
    }
    List<FunnelPlotModel.Point> filled = new ArrayList<>();
    if (trimfill) {
      TrimAndFill.Result tf = TrimAndFill.of(model).run(yi, vi);
      tf.filled()
          .forEach(f -> filled.add(new FunnelPlotModel.Point("", f.yi(), Math.sqrt(f.vi()))));
      pooled = tf.fit().estimate();
    }
    boolean log = out.backTransform() == BackTransform.EXP;
    String measure = Localization.lang("figure.measure." + out.options().measure().name());
    return new FunnelPlotModel(
        pts,
        filled,
        pooled,
        0,
        log,
        contours,
        a,
        b,
        log ? Localization.lang("figure.logScale", measure) : measure,
        Localization.lang("figure.funnel.se"),
        legend());
  }

  static List<String> legend() {
    return List.of(
        Localization.lang("figure.funnel.studies"),
        Localization.lang("figure.funnel.filled"),
        Localization.lang("figure.funnel.limits"),
        Localization.lang("figure.funnel.egger"),
        Localization.lang("figure.funnel.p01"),
        Localization.lang("figure.funnel.p05"),
        Localization.lang("figure.funnel.p10"),
        Localization.lang("figure.funnel.pns"));
  }
}
