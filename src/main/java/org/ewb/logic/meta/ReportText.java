package org.ewb.logic.meta;

import java.util.List;
import java.util.Locale;

/**
 * The readable report of {@code analyze} (modelled on metafor's print methods): per-study effects
 * with CI and weight, the pooled result, heterogeneity with Q-profile CIs, the prediction
 * intervals, back-transformed values for ratio measures, subgroups and meta-regression. English
 * (the command line's language).
 */
public final class ReportText {

  private ReportText() {}

  public static String render(AnalysisOutcome o) {
    StringBuilder sb = new StringBuilder();
    AnalysisOptions opt = o.options();
    BackTransform bt = o.backTransform();
    String scale = opt.measure().scale();
    String btName =
        bt == BackTransform.NONE ? null : (bt == BackTransform.EXP ? natural(opt) : "r");
    if (o.model() != null) {
      MetaResult r = o.model();
      sb.append(
          r.method() == TauMethod.EE
              ? "Common-effect (inverse-variance) model"
              : "Random-effects model (tau^2 estimator: " + r.method() + ")");
      sb.append(
          String.format(Locale.ROOT, ", k = %d, measure %s (%s)%n", r.k(), opt.measure(), scale));
    } else {
      MhResult r = o.mh();
      sb.append(r.peto() ? "Peto" : "Mantel-Haenszel")
          .append(
              String.format(
                  Locale.ROOT,
                  " common-effect model, k = %d tables, measure %s (%s)%n",
                  r.k(),
                  opt.measure(),
                  scale));
    }
    sb.append('\n');
    studies(sb, o, btName, bt);
    sb.append('\n');
    if (o.model() != null) {
      pooled(sb, o.model(), bt, btName);
    } else {
      mh(sb, o.mh(), bt, btName);
    }
    if (o.subgroups() != null) {
      subgroups(sb, o.subgroups(), bt, btName);
    }
    if (o.metaRegression() != null) {
      metareg(sb, o.metaRegression(), bt);
    }
    if (!o.notes().isEmpty()) {
      sb.append("\nNotes:\n");
      for (String n : o.notes()) {
        sb.append("  - ").append(n).append('\n');
      }
    }
    return sb.toString();
  }

  private static String natural(AnalysisOptions opt) {
    return switch (opt.measure()) {
      case RR -> "RR";
      case OR, PETO -> "OR";
      default -> "exp";
    };
  }

  private static void studies(
      StringBuilder sb, AnalysisOutcome o, String btName, BackTransform bt) {
    List<EffectSize> es = o.effectSizes();
    int w = 5;
    for (EffectSize e : es) {
      w = Math.max(w, Math.min(40, e.label().length()));
    }
    String yi =
        switch (o.options().measure()) {
          case RR -> "log RR";
          case OR, PETO -> "log OR";
          case GEN -> "yi";
          default -> o.options().measure().name();
        };
    sb.append(String.format(Locale.ROOT, "%-" + w + "s %10s  %-22s", "Study", yi, "95% CI"));
    if (btName != null) {
      sb.append(String.format(Locale.ROOT, " %9s  %-22s", btName, "95% CI"));
    }
    sb.append(String.format(Locale.ROOT, " %8s%n", "Weight"));
    int j = 0;
    for (int i = 0; i < es.size(); i++) {
      EffectSize e = es.get(i);
      String label = e.label().length() > 40 ? e.label().substring(0, 39) + "~" : e.label();
      if (!e.included()) {
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %10s%n", label, "(not estimable)"));
        continue;
      }
      sb.append(
          String.format(
              Locale.ROOT, "%-" + w + "s %10s  %-22s", label, f(e.yi()), ci(e.ciLb(), e.ciUb())));
      if (btName != null) {
        sb.append(
            String.format(
                Locale.ROOT,
                " %9s  %-22s",
                f(bt.apply(e.yi())),
                ci(bt.apply(e.ciLb()), bt.apply(e.ciUb()))));
      }
      double wp;
      if (o.model() != null) {
        wp = o.model().weightPercent(j);
      } else {
        wp = o.mh().weightPercent(i);
      }
      j++;
      sb.append(String.format(Locale.ROOT, " %7.2f%%%n", wp));
    }
  }

  private static void pooled(StringBuilder sb, MetaResult r, BackTransform bt, String btName) {
    String stat =
        r.test() == TestType.KNHA
            ? String.format(Locale.ROOT, "t(%s) = %s", f0(r.df()), f(r.stat()))
            : "z = " + f(r.stat());
    sb.append(
        String.format(
            Locale.ROOT,
            "Pooled estimate: %s (SE %s), %s, p %s, 95%% CI %s%n",
            f(r.estimate()),
            f(r.se()),
            stat,
            p(r.pval()),
            ci(r.ciLb(), r.ciUb())));
    if (btName != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  back-transformed: %s = %s, 95%% CI %s%n",
              btName,
              f(bt.apply(r.estimate())),
              ci(bt.apply(r.ciLb()), bt.apply(r.ciUb()))));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "Test for heterogeneity: Q(df = %d) = %s, p %s%n",
            r.qeDf(),
            f(r.qe()),
            p(r.qep())));
    if (r.method() == TauMethod.EE) {
      sb.append(String.format(Locale.ROOT, "I^2 = %.2f%%, H^2 = %s%n", r.i2(), f(r.h2())));
      return;
    }
    HeterogeneityCi ci = r.heterogeneityCi();
    sb.append(
        String.format(
            Locale.ROOT,
            "tau^2 = %s (SE %s), 95%% CI [%s, %s%s]%n",
            f(r.tau2()),
            f(r.seTau2()),
            f(ci.tau2Lb()),
            ci.ubSign(),
            f(ci.tau2Ub())));
    sb.append(
        String.format(
            Locale.ROOT,
            "tau   = %s, 95%% CI [%s, %s%s]%n",
            f(r.tau()),
            f(ci.tauLb()),
            ci.ubSign(),
            f(ci.tauUb())));
    sb.append(
        String.format(
            Locale.ROOT,
            "I^2   = %.2f%%, 95%% CI [%.2f%%, %s%.2f%%]%n",
            r.i2(),
            ci.i2Lb(),
            ci.ubSign(),
            ci.i2Ub()));
    sb.append(
        String.format(
            Locale.ROOT,
            "H^2   = %s, 95%% CI [%s, %s%s]%n",
            f(r.h2()),
            f(ci.h2Lb()),
            ci.ubSign(),
            f(ci.h2Ub())));
    if (r.test() == TestType.KNHA) {
      sb.append(String.format(Locale.ROOT, "Knapp-Hartung factor s2w = %s%n", f(r.s2w())));
    }
    Prediction pr = r.prediction();
    Prediction pt = r.predictionT();
    sb.append(String.format(Locale.ROOT, "Prediction interval: %s", ci(pr.piLb(), pr.piUb())));
    if (btName != null) {
      sb.append(
          String.format(
              Locale.ROOT, "  (%s %s)", btName, ci(bt.apply(pr.piLb()), bt.apply(pr.piUb()))));
    }
    sb.append('\n');
    if (Double.isFinite(pt.piLb())) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Prediction interval, t(k-2 = %s): %s",
              f0(pt.piDf()),
              ci(pt.piLb(), pt.piUb())));
      if (btName != null) {
        sb.append(
            String.format(
                Locale.ROOT, "  (%s %s)", btName, ci(bt.apply(pt.piLb()), bt.apply(pt.piUb()))));
      }
      sb.append('\n');
    }
  }

  private static void mh(StringBuilder sb, MhResult r, BackTransform bt, String btName) {
    sb.append(
        String.format(
            Locale.ROOT,
            "Pooled estimate: %s (SE %s), z = %s, p %s, 95%% CI %s%n",
            f(r.estimate()),
            f(r.se()),
            f(r.zval()),
            p(r.pval()),
            ci(r.ciLb(), r.ciUb())));
    if (btName != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  back-transformed: %s = %s, 95%% CI %s%n",
              btName,
              f(bt.apply(r.estimate())),
              ci(bt.apply(r.ciLb()), bt.apply(r.ciUb()))));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "Test for heterogeneity: Q(df = %d) = %s, p %s; I^2 = %.2f%%, H^2 = %s%n",
            r.qeDf(),
            f(r.qe()),
            p(r.qep()),
            r.i2(),
            f(r.h2())));
    if (Double.isFinite(r.cmh())) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Cochran-Mantel-Haenszel test: CMH = %s, p %s%n",
              f(r.cmh()),
              p(r.cmhp())));
    }
    if (Double.isFinite(r.bd())) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Breslow-Day test: X^2(df = %d) = %s, p %s; Tarone's: %s, p %s%n",
              r.kPos() - 1,
              f(r.bd()),
              p(r.bdp()),
              f(r.ta()),
              p(r.tap())));
    }
  }

  private static void subgroups(
      StringBuilder sb, SubgroupResult s, BackTransform bt, String btName) {
    sb.append("\nSubgroups\n");
    for (SubgroupResult.Subgroup g : s.subgroups()) {
      MetaResult f = g.fit();
      sb.append(
          String.format(
              Locale.ROOT,
              "  %s (k = %d): %s, 95%% CI %s",
              g.level(),
              f.k(),
              f(f.estimate()),
              ci(f.ciLb(), f.ciUb())));
      if (btName != null) {
        sb.append(
            String.format(
                Locale.ROOT,
                " (%s %s %s)",
                btName,
                f(bt.apply(f.estimate())),
                ci(bt.apply(f.ciLb()), bt.apply(f.ciUb()))));
      }
      sb.append(String.format(Locale.ROOT, "; tau^2 = %s, I^2 = %.2f%%%n", f(f.tau2()), f.i2()));
    }
    SubgroupResult.SeparateTau2Test t = s.separate();
    sb.append(
        String.format(
            Locale.ROOT,
            "Test for subgroup differences (separate tau^2): Q(df = %d) = %s, p %s%n",
            t.df(),
            f(t.qBetween()),
            p(t.pval())));
    MetaResult c = s.common().withIntercept();
    sb.append(
        String.format(
            Locale.ROOT,
            "Test for subgroup differences (common tau^2 = %s): QM(df = %d) = %s, p %s%n",
            f(c.tau2()),
            c.qmDf(),
            f(c.qm()),
            p(c.qmp())));
  }

  private static void metareg(StringBuilder sb, MetaRegressionResult m, BackTransform bt) {
    MetaResult f = m.fit();
    sb.append("\nMeta-regression on ").append(m.moderator()).append('\n');
    for (Coefficient c : f.coefficients()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-12s %10s (SE %s), p %s, 95%% CI %s%n",
              c.name(),
              f(c.estimate()),
              f(c.se()),
              p(c.pval()),
              ci(c.ciLb(), c.ciUb())));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "Residual tau^2 = %s, I^2 = %.2f%%, R^2 = %.2f%%; QM = %s, p %s; QE(df = %d) = %s, p %s%n",
            f(f.tau2()),
            f.i2(),
            m.r2(),
            f(f.qm()),
            p(f.qmp()),
            f.qeDf(),
            f(f.qe()),
            p(f.qep())));
  }

  static String f(double v) {
    if (Double.isNaN(v)) {
      return "NA";
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String f0(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : f(v);
  }

  static String p(double v) {
    if (Double.isNaN(v)) {
      return "= NA";
    }
    return v < 1e-4 ? "< .0001" : String.format(Locale.ROOT, "= %.4f", v);
  }

  static String ci(double lb, double ub) {
    return "[" + f(lb) + ", " + f(ub) + "]";
  }
}
