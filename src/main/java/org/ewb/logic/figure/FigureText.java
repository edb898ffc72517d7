package org.ewb.logic.figure;

import java.util.Locale;
import org.ewb.logic.l10n.Localization;

/**
 * Formats the statistics lines under a forest plot (heterogeneity, test for overall effect, test
 * for subgroup differences) in the current language, with numbers as reviewers print them.
 */
public final class FigureText {

  private FigureText() {}

  /** "τ² = 0.31; I² = 92%; Q = 152.23 (df = 12, p &lt; 0.001)" in the current language. */
  public static String heterogeneity(double tau2, double i2, double q, int df, double p) {
    return Localization.lang(
        "figure.heterogeneity",
        fixed(tau2, tau2 < 0.01 && tau2 > 0 ? 4 : 2),
        fixed(i2, 0),
        fixed(q, 2),
        Integer.toString(df),
        pValue(p));
  }

  /** "Test for overall effect: z = -3.97 (p &lt; 0.001)"; {@code stat} names z or t(df). */
  public static String overallEffect(String stat, double value, double p) {
    return Localization.lang("figure.overallEffect", stat, fixed(value, 2), pValue(p));
  }

  /** "Test for subgroup differences: Q = 1.23 (df = 1, p = 0.27)". */
  public static String subgroupDifferences(double q, int df, double p) {
    return Localization.lang(
        "figure.subgroupDifferences", fixed(q, 2), Integer.toString(df), pValue(p));
  }

  /** "&lt; 0.001" or "= 0.042" (two significant decimals above 0.01, three below). */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "= NA";
    }
    if (p < 0.001) {
      return "< 0.001";
    }
    return "= " + fixed(p, p < 0.01 ? 3 : 2);
  }

  /** A number with {@code decimals} decimals, '.' as decimal separator in every language. */
  public static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "NA";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
