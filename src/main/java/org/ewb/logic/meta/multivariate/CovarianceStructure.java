package org.ewb.logic.meta.multivariate;

import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/**
 * How the true effects of one study at its time points covary (metafor {@code rma.mv} with {@code
 * random = ~ time | study}, argument {@code struct}). {@code j, k} index the time points in
 * increasing order; {@code m_j} is time point j in months.
 */
public enum CovarianceStructure {
  /** Compound symmetry: G_jk = τ² (j = k), τ² ρ (j ≠ k). metafor {@code "CS"}. */
  CS,
  /** Heteroscedastic compound symmetry: G_jk = τ_j τ_k ρ^[j≠k]. metafor {@code "HCS"}. */
  HCS,
  /**
   * First-order autoregressive over the order of the time points: G_jk = τ² ρ^|j−k| (equally spaced
   * steps, whatever the months). metafor {@code "AR"}.
   */
  AR,
  /** Continuous-time AR(1) in months: G_jk = τ² ρ^|m_j − m_k|, 0 ≤ ρ < 1. metafor {@code "CAR"}. */
  CAR;

  /**
   * The structure named {@code s} (case-insensitive).
   *
   * @throws WorkbenchException (USAGE) naming the value and the choices
   */
  public static CovarianceStructure parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("mv.error.structure", s));
    }
  }
}
