package org.ewb.logic.meta.overtime;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Locale;
import org.ewb.logic.meta.conversion.Conversions;
import org.ewb.model.WorkbenchException;

/**
 * Change from baseline of one arm: change = follow-up mean − baseline mean, SD<sub>change</sub> =
 * √(SD<sub>b</sub>² + SD<sub>f</sub>² − 2 r SD<sub>b</sub> SD<sub>f</sub>) with a correlation r
 * between baseline and follow-up set by the reviewer (Cochrane Handbook 6.5.2.8; the SD comes from
 * {@link Conversions#changeSdFromCorrelation}), n = the follow-up n. The SDs are derived, so every
 * result built from them says so ({@link #derivation}).
 *
 * @param rho the assumed correlation r between baseline and follow-up values, in [−1, 1]
 */
public record ChangeFromBaseline(double rho) {

  /** The correlation used when the reviewer sets none. */
  public static final double DEFAULT_RHO = 0.5;

  /** The method id of the derived SD (as stored with derived measurements). */
  public static final String METHOD_ID = "change-sd-from-correlation";

  public ChangeFromBaseline {
    if (!(rho >= -1 && rho <= 1)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, lang("overtime.error.rho", Double.toString(rho)));
    }
  }

  /** {change, SD of change, n} from baseline and follow-up {mean, SD, n}. */
  public double[] change(String where, double[] baseline, double[] followUp) {
    double sd =
        Conversions.at(where).changeSdFromCorrelation(baseline[1], followUp[1], rho).sdValue();
    return new double[] {followUp[0] - baseline[0], sd, followUp[2]};
  }

  /** "change-sd-from-correlation r=0.5": how the values were derived. */
  public String derivation() {
    return METHOD_ID + " r=" + String.format(Locale.ROOT, "%s", rho);
  }
}
