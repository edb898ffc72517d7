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

  /** A subgroup analysis ({@code analysis = subgroup}). */
  public static Map<String, Object> subgroup(SubgroupResult r, String variable, BackTransform bt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("grouping_variable", variable);
    m.put("levels", r.levels());
    List<Map<String, Object>> subs = new ArrayList<>();
    for (SubgroupResult.Subgroup s : r.subgroups()) {
      MetaResult f = s.fit();
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("level", s.level());
      g.put("k", f.k());
      putCoefficient(g, "estimate", f.coefficients().get(0), f.test(), bt);
      g.put("tau2", num(f.tau2()));
      g.put("se_tau2", num(f.seTau2()));
      g.put("I2", num(f.i2()));
      g.put("H2", num(f.h2()));
      g.put("QE", num(f.qe()));
      g.put("QE_df", f.qeDf());
      g.put("QEp", num(f.qep()));
      subs.add(g);
    }
    m.put("subgroups", subs);
    Map<String, Object> sep = new LinkedHashMap<>();
    sep.put("Q_between", num(r.separate().qBetween()));
    sep.put("df", r.separate().df());
    sep.put("pval", num(r.separate().pval()));
    sep.put("pooled_estimate_of_subgroup_estimates", num(r.separate().pooledEstimate()));
    m.put("test_separate_tau2", sep);
    MetaResult c = r.common().withIntercept();
    Map<String, Object> com = new LinkedHashMap<>();
    com.put("QM", num(c.qm()));
    com.put("QM_df", c.qmDf());
    if (c.test() == TestType.KNHA) {
      com.put("QM_df2", num(c.qmDf2()));
    }
    com.put("QMp", num(c.qmp()));
    com.put("tau2", num(c.tau2()));
    com.put("se_tau2", num(c.seTau2()));
    com.put("I2", num(c.i2()));
    com.put("H2", num(c.h2()));
    com.put("QE", num(c.qe()));
    com.put("QE_df", c.qeDf());
    com.put("QEp", num(c.qep()));
    com.put("R2", num(r.common().r2()));
    com.put("k", c.k());
    com.put("reference_level", r.common().referenceLevel());
    List<Map<String, Object>> means = new ArrayList<>();
    for (Coefficient co : r.common().levelMeans().coefficients()) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("level", co.name());
      putCoefficient(g, "estimate", co, c.test(), bt);
      means.add(g);
    }
    com.put("subgroup_estimates", means);
    m.put("test_common_tau2", com);
    return m;
  }

  /** A meta-regression ({@code analysis = metareg}). */
  public static Map<String, Object> metareg(MetaRegressionResult r, BackTransform bt) {
    MetaResult f = r.fit();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", f.k());
    m.put("p", f.p());
    List<Map<String, Object>> coefs = new ArrayList<>();
    for (Coefficient co : f.coefficients()) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("name", co.name());
      g.put("estimate", num(co.estimate()));
      g.put("se", num(co.se()));
      if (f.test() == TestType.KNHA) {
        g.put("tval", num(co.stat()));
        g.put("df", num(co.df()));
      } else {
        g.put("zval", num(co.stat()));
      }
      g.put("pval", num(co.pval()));
      g.put("ci_lb", num(co.ciLb()));
      g.put("ci_ub", num(co.ciUb()));
      coefs.add(g);
    }
    m.put("coefficients", coefs);
    m.put("tau2", num(f.tau2()));
    m.put("se_tau2", num(f.seTau2()));
    m.put("I2", num(f.i2()));
    m.put("H2", num(f.h2()));
    m.put("R2", num(r.r2()));
    m.put("QM", num(f.qm()));
    m.put("QM_df", f.qmDf());
    m.put("QM_df2", num(f.qmDf2()));
    m.put("QMp", num(f.qmp()));
    m.put("QE", num(f.qe()));
    m.put("QE_df", f.qeDf());
    m.put("QEp", num(f.qep()));
    m.put("s2w", num(f.s2w()));
    m.put("ll_ML", num(f.llMl()));
    m.put("ll_REML", num(f.llReml()));
    if (f.method() != TauMethod.EE) {
      putConfint(m, f.heterogeneityCi());
    }
    List<Map<String, Object>> preds = new ArrayList<>();
    for (MetaRegressionResult.ModeratorPrediction mp : r.predictions()) {
      Prediction p = mp.prediction();
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("moderator_value", num(mp.moderatorValue()));
      g.put("pred", num(p.pred()));
      g.put("se", num(p.se()));
      g.put("ci_lb", num(p.ciLb()));
      g.put("ci_ub", num(p.ciUb()));
      g.put("pi_lb", num(p.piLb()));
      g.put("pi_ub", num(p.piUb()));
      if (bt != BackTransform.NONE) {
        g.put("pred_bt", num(bt.apply(p.pred())));
        g.put("ci_lb_bt", num(bt.apply(p.ciLb())));
        g.put("ci_ub_bt", num(bt.apply(p.ciUb())));
        g.put("pi_lb_bt", num(bt.apply(p.piLb())));
        g.put("pi_ub_bt", num(bt.apply(p.piUb())));
      }
      preds.add(g);
    }
    m.put("predictions", preds);
    return m;
  }

  /** estimate, se, zval (or tval + df), pval, ci and back-transforms of one coefficient. */
  private static void putCoefficient(
      Map<String, Object> g, String estimateKey, Coefficient co, TestType test, BackTransform bt) {
    g.put(estimateKey, num(co.estimate()));
    g.put("se", num(co.se()));
    if (test == TestType.KNHA) {
      g.put("tval", num(co.stat()));
      g.put("df", num(co.df()));
    } else {
      g.put("zval", num(co.stat()));
    }
    g.put("pval", num(co.pval()));
    g.put("ci_lb", num(co.ciLb()));
    g.put("ci_ub", num(co.ciUb()));
    if (bt != BackTransform.NONE) {
      g.put(estimateKey + "_bt", num(bt.apply(co.estimate())));
      g.put("ci_lb_bt", num(bt.apply(co.ciLb())));
      g.put("ci_ub_bt", num(bt.apply(co.ciUb())));
    }
  }

  /** A Mantel-Haenszel or Peto result. */
  public static Map<String, Object> mh(MhResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", r.k());
    m.put("k_yi", r.kYi());
    m.put("estimate", num(r.estimate()));
    m.put("se", num(r.se()));
    m.put("zval", num(r.zval()));
    m.put("pval", num(r.pval()));
    m.put("ci_lb", num(r.ciLb()));
    m.put("ci_ub", num(r.ciUb()));
    m.put("crit", num(r.crit()));
    m.put("tau2", 0.0);
    m.put("QE", num(r.qe()));
    m.put("QE_df", r.qeDf());
    m.put("QEp", num(r.qep()));
    m.put("I2", num(r.i2()));
    m.put("H2", num(r.h2()));
    if (!r.peto() && r.measure() == Measure.OR) {
      m.put("CO", num(r.co()));
      m.put("COp", num(r.cop()));
      m.put("CMH", num(r.cmh()));
      m.put("CMHp", num(r.cmhp()));
      m.put("CMH_nocorrect", num(r.cmhNoCorrect()));
      m.put("CMHp_nocorrect", num(r.cmhpNoCorrect()));
      m.put("BD", num(r.bd()));
      m.put("BDp", num(r.bdp()));
      m.put("TA", num(r.ta()));
      m.put("TAp", num(r.tap()));
    }
    if (r.peto() || r.measure() == Measure.OR) {
      m.put("k_pos", r.kPos());
    }
    BackTransform bt = r.measure().backTransform();
    if (bt != BackTransform.NONE) {
      m.put("estimate_bt", num(bt.apply(r.estimate())));
      m.put("ci_lb_bt", num(bt.apply(r.ciLb())));
      m.put("ci_ub_bt", num(bt.apply(r.ciUb())));
    }
    return m;
  }

  /** Per-study rows of a Mantel-Haenszel / Peto analysis. */
  public static List<Map<String, Object>> mhStudies(MhResult r) {
    List<Map<String, Object>> out = new ArrayList<>();
    BackTransform bt = r.measure().backTransform();
    for (int i = 0; i < r.studies().size(); i++) {
      EffectSize e = r.studies().get(i);
      Map<String, Object> m = study(e, i + 1, bt);
      m.put("included_in_QE", e.included());
      if (!r.peto()) {
        m.put("table_used_in_MH", r.tableUsed().get(i));
      }
      m.put("weight_pct", num(r.weightPercent(i)));
      out.add(m);
    }
    return out;
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

  /**
   * The same rows as {@link #studies} as a read-only list that builds each row when it is read, so
   * that writing 10^5 studies does not hold 10^5 maps.
   */
  public static List<Map<String, Object>> studiesView(
      List<EffectSize> es, MetaResult fit, BackTransform bt) {
    int[] fitIndex = new int[es.size()];
    int j = 0;
    for (int i = 0; i < es.size(); i++) {
      fitIndex[i] = es.get(i).included() ? j++ : -1;
    }
    return new java.util.AbstractList<>() {
      @Override
      public Map<String, Object> get(int i) {
        EffectSize e = es.get(i);
        Map<String, Object> m = study(e, i + 1, bt);
        m.put("included", e.included());
        if (fit != null) {
          m.put("weight_pct", fitIndex[i] >= 0 ? num(fit.weightPercent(fitIndex[i])) : null);
        }
        return m;
      }

      @Override
      public int size() {
        return es.size();
      }
    };
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
