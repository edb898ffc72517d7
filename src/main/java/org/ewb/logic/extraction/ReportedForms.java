package org.ewb.logic.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Optional;
import java.util.OptionalDouble;
import org.ewb.logic.meta.conversion.Conversions;
import org.ewb.logic.meta.conversion.DerivedStatistics;
import org.ewb.model.CellText;
import org.ewb.model.Measurement;
import org.ewb.model.ReportedForm;
import org.ewb.model.WorkbenchException;

/**
 * Turns a continuous result entered in the form a paper reported it (SE, 95% CI, median with IQR
 * and/or range) into mean and SD with {@link Conversions}, and applies the result to a measurement
 * as a derived value that names its method. Which conversion is used depends on what was entered,
 * most informative first: median + IQR + range, median + IQR, median + range, CI, SE.
 */
public final class ReportedForms {

  private ReportedForms() {}

  /**
   * The conversion the entered form allows, or empty if it allows none. Throws a {@link
   * WorkbenchException} naming {@code place} when the numbers cannot be converted (n missing or
   * below 2, quartiles out of order, ...).
   */
  public static Optional<DerivedStatistics> derive(ReportedForm r, CellText n, String place) {
    Conversions c = Conversions.at(place);
    boolean median = has(r.median());
    boolean iqr = has(r.q1()) && has(r.q3());
    boolean range = has(r.min()) && has(r.max());
    boolean ci = has(r.ciLower()) && has(r.ciUpper());
    boolean se = has(r.se());
    if (!(median && (iqr || range)) && !ci && !se) {
      return Optional.empty();
    }
    int size = groupSize(n, place);
    if (median && iqr && range) {
      return Optional.of(
          c.fromMedianIqrRange(v(r.min()), v(r.q1()), v(r.median()), v(r.q3()), v(r.max()), size));
    }
    if (median && iqr) {
      return Optional.of(c.fromMedianIqr(v(r.q1()), v(r.median()), v(r.q3()), size));
    }
    if (median) {
      return Optional.of(c.fromMedianRange(v(r.min()), v(r.median()), v(r.max()), size));
    }
    if (ci) {
      return Optional.of(
          c.sdFromCi(v(r.ciLower()), v(r.ciUpper()), size, Conversions.CiBasis.AUTO));
    }
    return Optional.of(c.sdFromSe(v(r.se()), size));
  }

  /**
   * The measurement with its reported form stored and, if a conversion applies, mean and/or SD
   * replaced by the derived values and the method recorded in {@code derivation}.
   */
  public static Measurement apply(Measurement m, ReportedForm r, String place) {
    Optional<DerivedStatistics> d = derive(r, m.n(), place);
    CellText mean = m.mean();
    CellText sd = m.sd();
    String derivation = "";
    if (d.isPresent()) {
      if (d.get().mean().isPresent()) {
        mean = CellText.of(round(d.get().mean()));
      }
      if (d.get().sd().isPresent()) {
        sd = CellText.of(round(d.get().sd()));
      }
      derivation = d.get().methodId();
    }
    return new Measurement(
        m.id(),
        m.studyId(),
        m.outcomeId(),
        m.armId(),
        m.timePointId(),
        m.n(),
        mean,
        sd,
        m.events(),
        m.total(),
        r,
        derivation,
        m.provenance());
  }

  /** Whether the derived mean of a method replaces the reported mean (median-based methods). */
  public static boolean derivesMean(String methodId) {
    return methodId.contains("median") || methodId.contains("mean");
  }

  // four significant decimals are more than any paper reports; keeps the grid readable
  private static String round(OptionalDouble v) {
    return new java.math.BigDecimal(v.getAsDouble())
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static boolean has(CellText t) {
    return t.number().isPresent();
  }

  private static double v(CellText t) {
    return t.number().getAsDouble();
  }

  private static int groupSize(CellText n, String place) {
    OptionalDouble d = n.number();
    if (d.isEmpty() || d.getAsDouble() != Math.rint(d.getAsDouble())) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("conversion.needN", place, n.text()));
    }
    return (int) d.getAsDouble();
  }
}
