package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;
import org.ewb.logic.meta.StudyData.ContinuousArms;
import org.ewb.logic.meta.StudyData.Correlation;
import org.ewb.logic.meta.StudyData.GenericEffect;
import org.ewb.logic.meta.StudyData.TwoByTwo;
import org.ewb.model.WorkbenchException;

/**
 * Per-study effect sizes and sampling variances exactly as metafor's {@code escalc} (vtype "LS";
 * Viechtbauer 2010, doi:10.18637/jss.v036.i03).
 *
 * <ul>
 *   <li>RR: yi = log((a/n1)/(c/n2)), vi = 1/a - 1/n1 + 1/c - 1/n2.
 *   <li>OR: yi = log(ad/(bc)), vi = 1/a + 1/b + 1/c + 1/d.
 *   <li>RD: yi = p1 - p2, vi = p1(1-p1)/n1 + p2(1-p2)/n2.
 *   <li>PETO: yi = (a - E)/V, vi = 1/V with E = (a+c) n1/N, V = (a+c)(b+d) n1 n2/(N^2 (N-1)) (Yusuf
 *       et al. 1985, doi:10.1016/S0033-0620(85)80003-7).
 *   <li>2x2 zero cells: {@code add} is added to all four cells of any table with a zero cell (also
 *       to double-zero tables, which are kept unless {@code drop00}); a value that is still not
 *       finite (add = 0) makes the study not included, as escalc recodes +-Inf to NA.
 *   <li>MD: yi = m1 - m2, vi = sd1^2/n1 + sd2^2/n2.
 *   <li>SMD (Hedges' g; Hedges 1981, doi:10.3102/10769986006002107): d = (m1-m2)/s_pooled, exact
 *       correction J = exp(lgamma(m/2) - log(sqrt(m/2)) - lgamma((m-1)/2)), m = n1+n2-2; yi = J d,
 *       vi = 1/n1 + 1/n2 + yi^2/(2(n1+n2)).
 *   <li>ZCOR: yi = atanh(r), vi = 1/(n-3).
 *   <li>GEN: yi and vi as given.
 * </ul>
 *
 * Invalid input (negative counts, events above the total, SD <= 0, n < 2, |r| >= 1, vi <= 0,
 * non-finite values) fails with a {@link WorkbenchException} naming the study and the value.
 */
public final class EffectSizes {

  private EffectSizes() {}

  /** Effect sizes of all studies, in input order, with metafor's default zero-cell handling. */
  public static List<EffectSize> compute(Measure measure, List<? extends StudyData> studies) {
    return compute(measure, studies, EffectSizeOptions.DEFAULT);
  }

  /** Effect sizes of all studies, in input order. */
  public static List<EffectSize> compute(
      Measure measure, List<? extends StudyData> studies, EffectSizeOptions options) {
    List<EffectSize> out = new ArrayList<>(studies.size());
    for (StudyData s : studies) {
      out.add(compute(measure, s, options));
    }
    return out;
  }

  /** The effect size of one study. */
  public static EffectSize compute(Measure measure, StudyData study, EffectSizeOptions options) {
    if (study instanceof TwoByTwo t) {
      requireMeasure(measure.isBinary(), measure, study);
      return binary(measure, t, options);
    } else if (study instanceof ContinuousArms c) {
      requireMeasure(measure == Measure.MD || measure == Measure.SMD, measure, study);
      return continuous(measure, c);
    } else if (study instanceof Correlation r) {
      requireMeasure(measure == Measure.ZCOR, measure, study);
      return correlation(r);
    } else {
      GenericEffect g = (GenericEffect) study;
      finite(study, "yi", g.yi());
      finite(study, "vi", g.vi());
      if (!(g.vi() > 0)) {
        throw bad(study, "meta.error.varianceNotPositive", g.vi());
      }
      return new EffectSize(g.label(), g.yi(), g.vi(), true, false, false, false, study);
    }
  }

  private static EffectSize binary(Measure measure, TwoByTwo t, EffectSizeOptions options) {
    finite(t, "events_e", t.eventsE());
    finite(t, "total_e", t.totalE());
    finite(t, "events_c", t.eventsC());
    finite(t, "total_c", t.totalC());
    nonNegative(t, "events_e", t.eventsE());
    nonNegative(t, "events_c", t.eventsC());
    if (t.eventsE() > t.totalE()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang(
              "meta.error.eventsAboveTotal",
              t.label(),
              "events_e",
              fmt(t.eventsE()),
              "total_e",
              fmt(t.totalE())));
    }
    if (t.eventsC() > t.totalC()) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang(
              "meta.error.eventsAboveTotal",
              t.label(),
              "events_c",
              fmt(t.eventsC()),
              "total_c",
              fmt(t.totalC())));
    }
    if (!(t.totalE() > 0)) {
      throw bad(t, "meta.error.totalNotPositive", "total_e", fmt(t.totalE()));
    }
    if (!(t.totalC() > 0)) {
      throw bad(t, "meta.error.totalNotPositive", "total_c", fmt(t.totalC()));
    }
    boolean zero = t.zeroCell();
    boolean dz = t.doubleZero();
    if (dz && options.drop00()) {
      return new EffectSize(t.label(), Double.NaN, Double.NaN, false, zero, dz, false, t);
    }
    double a = t.ai();
    double b = t.bi();
    double c = t.ci();
    double d = t.di();
    boolean cc = zero && options.add() > 0;
    if (cc) {
      a += options.add();
      b += options.add();
      c += options.add();
      d += options.add();
    }
    double[] yv = binaryEffect(measure, a, b, c, d);
    double yi = yv[0];
    double vi = yv[1];
    boolean ok = Double.isFinite(yi) && Double.isFinite(vi) && vi > 0;
    return new EffectSize(
        t.label(), ok ? yi : Double.NaN, ok ? vi : Double.NaN, ok, zero, dz, cc, t);
  }

  /** {yi, vi} of a (possibly corrected) 2x2 table; may be non-finite. */
  static double[] binaryEffect(Measure measure, double a, double b, double c, double d) {
    double n1 = a + b;
    double n2 = c + d;
    return switch (measure) {
      case RR -> new double[] {Math.log((a / n1) / (c / n2)), 1 / a - 1 / n1 + 1 / c - 1 / n2};
      case OR -> new double[] {Math.log((a * d) / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d};
      case RD -> {
        double p1 = a / n1;
        double p2 = c / n2;
        yield new double[] {p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2};
      }
      case PETO -> {
        double n = n1 + n2;
        double xt = a + c;
        double yt = b + d;
        double e = xt * n1 / n;
        double v = xt * yt * (n1 / n) * (n2 / n) / (n - 1);
        yield new double[] {(a - e) / v, 1 / v};
      }
      default -> throw new IllegalArgumentException("not a 2x2 measure: " + measure);
    };
  }

  private static EffectSize continuous(Measure measure, ContinuousArms s) {
    finite(s, "mean_e", s.meanE());
    finite(s, "sd_e", s.sdE());
    finite(s, "n_e", s.nE());
    finite(s, "mean_c", s.meanC());
    finite(s, "sd_c", s.sdC());
    finite(s, "n_c", s.nC());
    if (!(s.sdE() > 0)) {
      throw bad(s, "meta.error.sdNotPositive", "sd_e", fmt(s.sdE()));
    }
    if (!(s.sdC() > 0)) {
      throw bad(s, "meta.error.sdNotPositive", "sd_c", fmt(s.sdC()));
    }
    if (!(s.nE() >= 2)) {
      throw bad(s, "meta.error.nTooSmall", "n_e", fmt(s.nE()));
    }
    if (!(s.nC() >= 2)) {
      throw bad(s, "meta.error.nTooSmall", "n_c", fmt(s.nC()));
    }
    double n1 = s.nE();
    double n2 = s.nC();
    double yi;
    double vi;
    if (measure == Measure.MD) {
      yi = s.meanE() - s.meanC();
      vi = s.sdE() * s.sdE() / n1 + s.sdC() * s.sdC() / n2;
    } else {
      double m = n1 + n2 - 2;
      double sp = Math.sqrt(((n1 - 1) * s.sdE() * s.sdE() + (n2 - 1) * s.sdC() * s.sdC()) / m);
      yi = hedgesJ(m) * (s.meanE() - s.meanC()) / sp;
      vi = 1 / n1 + 1 / n2 + yi * yi / (2 * (n1 + n2));
    }
    return new EffectSize(s.label(), yi, vi, true, false, false, false, s);
  }

  /**
   * Hedges' exact small-sample correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)) (Hedges
   * 1981, doi:10.3102/10769986006002107), computed on the log scale as metafor does.
   */
  public static double hedgesJ(double m) {
    return Math.exp(
        LogGamma.value(m / 2) - Math.log(Math.sqrt(m / 2)) - LogGamma.value((m - 1) / 2));
  }

  private static EffectSize correlation(Correlation s) {
    finite(s, "r", s.r());
    finite(s, "n", s.n());
    if (!(Math.abs(s.r()) < 1)) {
      throw bad(s, "meta.error.correlationRange", "r", fmt(s.r()));
    }
    if (!(s.n() > 3)) {
      throw bad(s, "meta.error.nTooSmallCorrelation", "n", fmt(s.n()));
    }
    double yi = 0.5 * Math.log((1 + s.r()) / (1 - s.r()));
    return new EffectSize(s.label(), yi, 1 / (s.n() - 3), true, false, false, false, s);
  }

  private static void requireMeasure(boolean ok, Measure measure, StudyData study) {
    if (!ok) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE,
          lang("meta.error.measureData", measure.name(), study.label()));
    }
  }

  private static void finite(StudyData s, String what, double v) {
    if (!Double.isFinite(v)) {
      throw bad(s, "meta.error.notFinite", what, fmt(v));
    }
  }

  private static void nonNegative(StudyData s, String what, double v) {
    if (v < 0) {
      throw bad(s, "meta.error.negative", what, fmt(v));
    }
  }

  private static WorkbenchException bad(StudyData s, String key, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = s.label();
    System.arraycopy(args, 0, all, 1, args.length);
    return new WorkbenchException(WorkbenchException.Kind.DATA, lang(key, all));
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "missing";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
