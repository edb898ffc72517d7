package org.ewb.logic.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders results as ordered maps whose keys are the field names of the metafor reference files
 * ({@code results}, {@code studies}); the {@code analyze --json} output and the golden tests use
 * them. NaN becomes {@code null} (R's NA).
 */
public final class ResultFields {

  private ResultFields() {}

  /** A model ({@code analysis = model}) result, with Q-profile CIs unless EE. */
  public static Map<String, Object> model(MetaResult r, BackTransform bt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", r.k());
    m.put("p", r.p());
    m.put("estimate", num(r.estimate()));
    m.put("se", num(r.se()));
    if (r.test() == TestType.KNHA) {
      m.put("tval", num(r.stat()));
      m.put("df", num(r.df()));
    } else {
      m.put("zval", num(r.stat()));
    }
    m.put("pval", num(r.pval()));
    m.put("ci_lb", num(r.ciLb()));
    m.put("ci_ub", num(r.ciUb()));
    m.put("crit", num(r.crit()));
    m.put("tau2", num(r.tau2()));
    m.put("se_tau2", num(r.seTau2()));
    m.put("tau", num(r.tau()));
    m.put("I2", num(r.i2()));
    m.put("H2", num(r.h2()));
    m.put("vt", num(r.vt()));
    m.put("QE", num(r.qe()));
    m.put("QE_df", r.qeDf());
    m.put("QEp", num(r.qep()));
    m.put("s2w", num(r.s2w()));
    Prediction pr = r.prediction();
    m.put("pi_lb", num(pr.piLb()));
    m.put("pi_ub", num(pr.piUb()));
    Prediction pt = r.predictionT();
    boolean random = r.method() != TauMethod.EE;
    if (random) {
      m.put("pi_t_df", num(pt.piDf()));
      m.put("pi_t_lb", num(pt.piLb()));
      m.put("pi_t_ub", num(pt.piUb()));
    }
    m.put("ll_ML", num(r.llMl()));
    m.put("ll_REML", num(r.llReml()));
    if (bt != BackTransform.NONE) {
      m.put("estimate_bt", num(bt.apply(r.estimate())));
      m.put("ci_lb_bt", num(bt.apply(r.ciLb())));
      m.put("ci_ub_bt", num(bt.apply(r.ciUb())));
      m.put("pi_lb_bt", num(bt.apply(pr.piLb())));
      m.put("pi_ub_bt", num(bt.apply(pr.piUb())));
      if (random) {
        m.put("pi_t_lb_bt", num(bt.apply(pt.piLb())));
        m.put("pi_t_ub_bt", num(bt.apply(pt.piUb())));
      }
    }
    if (random) {
      putConfint(m, r.heterogeneityCi());
    }
    return m;
  }

  /** The Q-profile fields of a heterogeneity CI. */
  public static void putConfint(Map<String, Object> m, HeterogeneityCi ci) {
    m.put("tau2_ci_lb", num(ci.tau2Lb()));
    m.put("tau2_ci_ub", num(ci.tau2Ub()));
    m.put("tau_ci_lb", num(ci.tauLb()));
    m.put("tau_ci_ub", num(ci.tauUb()));
    m.put("I2_ci_lb", num(ci.i2Lb()));
    m.put("I2_ci_ub", num(ci.i2Ub()));
    m.put("H2_ci_lb", num(ci.h2Lb()));
    m.put("H2_ci_ub", num(ci.h2Ub()));
    m.put("confint_type", "QP");
    m.put("confint_lb_sign", ci.lbSign());
    m.put("confint_ub_sign", ci.ubSign());
    m.put("confint_ci_null", ci.ciNull());
  }

  /**
   * Per-study rows in data order: effect size, CI, back-transforms, flags and the weight (percent)
   * in {@code fit}, which was fitted to the included studies in the same order ({@code fit} may be
   * null).
   */
  public static List<Map<String, Object>> studies(
      List<EffectSize> es, MetaResult fit, BackTransform bt) {
    List<Map<String, Object>> out = new ArrayList<>(es.size());
    int j = 0;
    for (int i = 0; i < es.size(); i++) {
      EffectSize e = es.get(i);
      Map<String, Object> m = study(e, i + 1, bt);
      m.put("included", e.included());
      if (fit != null) {
        m.put("weight_pct", e.included() ? num(fit.weightPercent(j)) : null);
      }
      if (e.included()) {
        j++;
      }
      out.add(m);
    }
    return out;
  }

  /** The fields of one study's effect size (no weight). */
  public static Map<String, Object> study(EffectSize e, int row, BackTransform bt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("row", row);
    m.put("study", e.label());
    m.put("yi", num(e.yi()));
    m.put("vi", num(e.vi()));
    m.put("sei", num(e.sei()));
    m.put("ci_lb", num(e.ciLb()));
    m.put("ci_ub", num(e.ciUb()));
    if (bt != BackTransform.NONE) {
      m.put("yi_bt", num(bt.apply(e.yi())));
      m.put("ci_lb_bt", num(bt.apply(e.ciLb())));
      m.put("ci_ub_bt", num(bt.apply(e.ciUb())));
    }
    if (e.input() instanceof StudyData.TwoByTwo) {
      m.put("zero_cell", e.zeroCell());
      m.put("double_zero", e.doubleZero());
      m.put("cc_added", e.ccAdded());
    }
    return m;
  }

  /** NaN / infinite values become null (R's NA). */
  public static Double num(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
