package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.meta.StudyData.TwoByTwo;
import org.ewb.model.WorkbenchException;

/**
 * Mantel-Haenszel common-effect meta-analysis of 2x2 tables (metafor {@code rma.mh}; Mantel and
 * Haenszel 1959, doi:10.1093/jnci/22.4.719) and Peto's one-step odds ratio (metafor {@code
 * rma.peto}; Yusuf et al. 1985, doi:10.1016/S0033-0620(85)80003-7). Immutable and configured:
 * {@code MantelHaenszel.of(OR).withOptions(MhOptions.CC_IN_TABLES).fit(tables)}.
 *
 * <ul>
 *   <li>OR: OR_MH = sum(a d/N)/sum(b c/N); var(log OR_MH) by Robins, Breslow and Greenland 1986
 *       (doi:10.2307/2531898); Cochran's test CO = (|sum(a - n1 m1/N)| - 0.5)^2 / sum(n1 n2 m1
 *       m0/N^3) and the Cochran-Mantel-Haenszel test (|sum(a - n1 m1/N)| - 0.5)^2 / sum(n1 n2 m1
 *       m0/(N^2 (N-1))) (the 0.5 only if {@code correct} and |sum(a - n1 m1/N)| >= 0.5, as R's
 *       {@code mantelhaen.test}; CMH is also given without it); Breslow-Day test of homogeneity
 *       (Breslow and Day 1980) with Tarone's correction (Tarone 1985, doi:10.1093/biomet/72.1.91)
 *       over the k_pos tables with events and non-events, expected cell a solving the quadratic for
 *       OR_MH.
 *   <li>RR: RR_MH = sum(a n2/N)/sum(c n1/N); var(log RR_MH) = sum(n1 n2 m1/N^2 - a c/N)/(R S)
 *       (Greenland and Robins 1985, doi:10.2307/2531021).
 *   <li>RD: RD_MH = sum(a n2/N - c n1/N)/sum(n1 n2/N) with the Greenland-Robins variance.
 *   <li>Peto: log OR = sum(O - E)/sum V, se = 1/sqrt(sum V), O - E = a - m1 n1/N, V = m1 m0 n1 n2/
 *       (N^2 (N-1)); QE = sum (O-E)^2/V - (sum(O-E))^2/sum V over tables with V > 0.
 *   <li>MH: QE = sum (y_i - est)^2/v_i over studies with yi/vi (element 1 of {@link MhOptions}), df
 *       = k_yi - 1, I^2 = max(0, 100 (QE - df)/QE), H^2 = QE/df.
 * </ul>
 */
public final class MantelHaenszel {

  private final Measure measure;
  private final MhOptions options;
  private final boolean peto;

  private MantelHaenszel(Measure measure, MhOptions options, boolean peto) {
    this.measure = measure;
    this.options = options;
    this.peto = peto;
  }

  /** Mantel-Haenszel for RR, OR or RD with metafor's default options. */
  public static MantelHaenszel of(Measure measure) {
    if (measure != Measure.RR && measure != Measure.OR && measure != Measure.RD) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, lang("meta.error.mhMeasure", measure.name()));
    }
    return new MantelHaenszel(measure, MhOptions.DEFAULT, false);
  }

  /** Peto's odds ratio method with metafor's default options. */
  public static MantelHaenszel peto() {
    return new MantelHaenszel(Measure.OR, MhOptions.DEFAULT, true);
  }

  public MantelHaenszel withOptions(MhOptions newOptions) {
    return new MantelHaenszel(measure, newOptions, peto);
  }

  public MhResult fit(List<TwoByTwo> tables) {
    // element 1: per-study yi/vi
    EffectSizeOptions eo = new EffectSizeOptions(options.addStudies(), options.drop00Studies());
    List<EffectSize> es = EffectSizes.compute(peto ? Measure.PETO : measure, tables, eo);
    // element 2: tables of the pooled estimate
    int n = tables.size();
    List<Boolean> used = new ArrayList<>(n);
    double[][] cells = new double[n][];
    for (int i = 0; i < n; i++) {
      TwoByTwo t = tables.get(i);
      boolean use = !(options.drop00Tables() && t.doubleZero());
      used.add(use);
      if (use) {
        double add = t.zeroCell() ? options.addTables() : 0;
        cells[i] = new double[] {t.ai() + add, t.bi() + add, t.ci() + add, t.di() + add};
      }
    }
    return peto ? petoFit(es, used, cells) : mhFit(es, used, cells);
  }

  private MhResult mhFit(List<EffectSize> es, List<Boolean> used, double[][] cells) {
    int n = cells.length;
    int k = 0;
    double r = 0;
    double s = 0;
    double[] w = new double[n];
    // sums for the variances
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double rdDen = 0;
    for (int i = 0; i < n; i++) {
      if (cells[i] == null) {
        w[i] = Double.NaN;
        continue;
      }
      k++;
      double a = cells[i][0];
      double b = cells[i][1];
      double c = cells[i][2];
      double d = cells[i][3];
      double n1 = a + b;
      double n2 = c + d;
      double nn = n1 + n2;
      switch (measure) {
        case OR -> {
          r += a * d / nn;
          s += b * c / nn;
          double pp = (a + d) / nn;
          double qq = (b + c) / nn;
          s1 += pp * a * d / nn;
          s2 += pp * b * c / nn + qq * a * d / nn;
          s3 += qq * b * c / nn;
          w[i] = b * c / nn;
        }
        case RR -> {
          r += a * n2 / nn;
          s += c * n1 / nn;
          s1 += n1 * n2 * (a + c) / (nn * nn) - a * c / nn;
          w[i] = c * n1 / nn;
        }
        default -> {
          r += a * n2 / nn - c * n1 / nn;
          rdDen += n1 * n2 / nn;
          s2 +=
              c * (n1 / nn) * (n1 / nn)
                  - a * (n2 / nn) * (n2 / nn)
                  + (n1 / nn) * (n2 / nn) * (n2 - n1) / 2;
          s3 += a * (n2 - c) / nn + c * (n1 - a) / nn;
          w[i] = n1 * n2 / nn;
        }
      }
    }
    double est;
    double var;
    switch (measure) {
      case OR -> {
        est = Math.log(r / s);
        var = s1 / (2 * r * r) + s2 / (2 * r * s) + s3 / (2 * s * s);
      }
      case RR -> {
        est = Math.log(r / s);
        var = s1 / (r * s);
      }
      default -> {
        est = r / rdDen;
        var = (est * s2 + s3 / 2) / (rdDen * rdDen);
      }
    }
    if (!Double.isFinite(est) || !(var > 0) || !Double.isFinite(var)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang("meta.error.mhNotEstimable", "Mantel-Haenszel", measure.name()));
    }
    double se = Math.sqrt(var);

    double co = Double.NaN;
    double cmh = Double.NaN;
    double cmhNc = Double.NaN;
    double bd = Double.NaN;
    double ta = Double.NaN;
    int kPos = 0;
    if (measure == Measure.OR) {
      double num = 0;
      double denCo = 0;
      double denCmh = 0;
      double psi = r / s;
      double bdSum = 0;
      double sumA = 0;
      double sumExp = 0;
      double sumVar = 0;
      for (double[] t : cells) {
        if (t == null) {
          continue;
        }
        double a = t[0];
        double n1 = t[0] + t[1];
        double n2 = t[2] + t[3];
        double nn = n1 + n2;
        double xt = t[0] + t[2];
        double yt = t[1] + t[3];
        num += a - n1 * xt / nn;
        denCo += (n1 / nn) * (n2 / nn) * (xt * yt / nn);
        denCmh += (n1 / nn) * (n2 / nn) * (xt * yt / (nn - 1));
        if (xt > 0 && yt > 0) {
          kPos++;
          double ea = expectedCell(psi, n1, n2, xt);
          double v = 1 / (1 / ea + 1 / (n1 - ea) + 1 / (xt - ea) + 1 / (n2 - xt + ea));
          bdSum += (a - ea) * (a - ea) / v;
          sumA += a;
          sumExp += ea;
          sumVar += v;
        }
      }
      // continuity correction only when |sum(a - E(a))| >= 1/2, as R's stats::mantelhaen.test
      // (metafor subtracts 1/2 regardless, which makes the statistic grow as the observed count
      // approaches the expected one); ADR 0081
      double dev = options.correct() && Math.abs(num) >= 0.5 ? Math.abs(num) - 0.5 : Math.abs(num);
      co = dev * dev / denCo;
      cmhNc = num * num / denCmh;
      cmh = dev * dev / denCmh;
      // metafor: BD and TA are reported (truncated at 0) whatever k_pos; their p-values need
      // k_pos > 1. With k_pos = 0, TA is 0/0 (NaN, reported as null).
      bd = Math.max(0, bdSum);
      ta = Math.max(0, bdSum - (sumA - sumExp) * (sumA - sumExp) / sumVar);
    }
    return finish(es, used, w, k, est, se, co, cmh, cmhNc, bd, ta, kPos);
  }

  /**
   * The expected cell a of a table with margins n1, n2, m1 = a + c under common odds ratio psi: the
   * root in [max(0, m1 - n2), min(n1, m1)] of (1 - psi) A^2 + (n2 - m1 + psi (n1 + m1)) A - psi n1
   * m1 = 0.
   */
  static double expectedCell(double psi, double n1, double n2, double m1) {
    double lo = Math.max(0, m1 - n2);
    double hi = Math.min(n1, m1);
    double qa = 1 - psi;
    double qb = n2 - m1 + psi * (n1 + m1);
    double qc = -psi * n1 * m1;
    if (Math.abs(qa) < 1e-15) {
      return -qc / qb;
    }
    double disc = Math.sqrt(qb * qb - 4 * qa * qc);
    // numerically stable pair of roots
    double q = -0.5 * (qb + Math.copySign(disc, qb));
    double r1 = q / qa;
    double r2 = qc / q;
    double eps = 1e-9 * Math.max(1, hi);
    if (r1 >= lo - eps && r1 <= hi + eps) {
      return r1;
    }
    return r2;
  }

  private MhResult petoFit(List<EffectSize> es, List<Boolean> used, double[][] cells) {
    int n = cells.length;
    int k = 0;
    int kPos = 0;
    double sumOmE = 0;
    double sumV = 0;
    double sumQ = 0;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double[] t = cells[i];
      if (t == null) {
        w[i] = Double.NaN;
        continue;
      }
      k++;
      double n1 = t[0] + t[1];
      double n2 = t[2] + t[3];
      double nn = n1 + n2;
      double xt = t[0] + t[2];
      double yt = t[1] + t[3];
      double ome = t[0] - xt * n1 / nn;
      double v = xt * yt * (n1 / nn) * (n2 / nn) / (nn - 1);
      w[i] = v;
      sumOmE += ome;
      sumV += v;
      if (v > 0) {
        kPos++;
        sumQ += ome * ome / v;
      }
    }
    if (!(sumV > 0)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("meta.error.mhNotEstimable", "Peto", "OR"));
    }
    double est = sumOmE / sumV;
    double se = 1 / Math.sqrt(sumV);
    MhResult base =
        finish(
            es,
            used,
            w,
            k,
            est,
            se,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            kPos);
    // Peto's own heterogeneity statistic replaces the element-1 QE
    int kYi = base.kYi();
    // metafor: QE = max(0, ...); with fewer than 2 informative tables QEp = 1, I^2 = 0, H^2 = 1
    double qe = Math.max(0, sumQ - sumOmE * sumOmE / sumV);
    int df = kYi - 1;
    boolean het = kPos > 1;
    double i2 = het ? Math.max(0, 100 * (qe - df) / qe) : 0;
    double h2 = het ? qe / df : 1;
    double qep = het ? Distributions.chiSquaredUpper(qe, df) : 1;
    return new MhResult(
        base.measure(),
        true,
        base.k(),
        kYi,
        est,
        se,
        base.zval(),
        base.pval(),
        base.ciLb(),
        base.ciUb(),
        base.crit(),
        qe,
        df,
        qep,
        i2,
        h2,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        kPos,
        es,
        used,
        base.weights());
  }

  private MhResult finish(
      List<EffectSize> es,
      List<Boolean> used,
      double[] w,
      int k,
      double est,
      double se,
      double co,
      double cmh,
      double cmhNc,
      double bd,
      double ta,
      int kPos) {
    double crit = Distributions.zQuantile(0.975);
    double z = est / se;
    int kYi = 0;
    double qe = 0;
    for (EffectSize e : es) {
      if (e.included()) {
        kYi++;
        qe += (e.yi() - est) * (e.yi() - est) / e.vi();
      }
    }
    int df = kYi - 1;
    if (df < 1) {
      qe = 0; // metafor: with one study that has yi/vi there is no heterogeneity to test
    }
    double qep = df > 0 ? Distributions.chiSquaredUpper(qe, df) : 1;
    double i2 = df > 0 ? Math.max(0, 100 * (qe - df) / qe) : 0;
    double h2 = df > 0 ? qe / df : 1;
    List<Double> weights = new ArrayList<>(w.length);
    for (double x : w) {
      weights.add(x);
    }
    return new MhResult(
        measure,
        peto,
        k,
        kYi,
        est,
        se,
        z,
        Distributions.zPvalue(z),
        est - crit * se,
        est + crit * se,
        crit,
        qe,
        df,
        qep,
        i2,
        h2,
        co,
        Distributions.chiSquaredUpper(co, 1),
        cmh,
        Distributions.chiSquaredUpper(cmh, 1),
        cmhNc,
        Distributions.chiSquaredUpper(cmhNc, 1),
        bd,
        kPos > 1 ? Distributions.chiSquaredUpper(bd, kPos - 1) : Double.NaN,
        ta,
        kPos > 1 ? Distributions.chiSquaredUpper(ta, kPos - 1) : Double.NaN,
        kPos,
        es,
        used,
        weights);
  }
}
