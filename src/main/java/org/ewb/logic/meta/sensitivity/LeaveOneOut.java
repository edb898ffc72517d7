package org.ewb.logic.meta.sensitivity;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.model.WorkbenchException;

/**
 * Leave-one-out analysis (metafor {@code leave1out()}): the model refitted k times, each time
 * without one study, to show how much any single study drives the pooled result. A refit that fails
 * (e.g. Fisher scoring does not converge) gives a row with the reason instead of numbers, as
 * metafor gives NA.
 *
 * <p>Reference: Viechtbauer W, Cheung MW-L. Outlier and influence diagnostics for meta-analysis.
 * Res Synth Methods 2010;1(2):112-125. doi:10.1002/jrsm.11
 */
public final class LeaveOneOut {

  /**
   * Most studies for leave-one-out and cumulative analyses. Both refit the model k times to up to k
   * studies, O(k&sup2;) work for any estimator (the iterative ones have no exact downdate); at this
   * bound a REML run takes seconds, at 10&sup5; studies it would take hours (ADR 0092).
   */
  public static final int MAX_STUDIES = 5000;

  /** Refuses more than {@link #MAX_STUDIES} studies, naming the analysis. */
  static void checkSize(String analysis, int k) {
    if (k > MAX_STUDIES) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang("sensitivity.error.tooMany", analysis, k, MAX_STUDIES));
    }
  }

  private final Refit refit;

  private LeaveOneOut(Refit refit) {
    this.refit = refit;
  }

  /** Leave-one-out with any refit (e.g. Mantel-Haenszel on the 2x2 tables). */
  public static LeaveOneOut of(Refit refit) {
    return new LeaveOneOut(refit);
  }

  /** One row per study, in data order, for an inverse-variance model; needs k &ge; 2. */
  public static List<SensitivityRow> run(
      RandomEffectsModel model, double[] yi, double[] vi, List<String> studies) {
    if (yi.length != vi.length || studies.size() != yi.length) {
      throw new IllegalArgumentException("yi, vi and studies differ in length");
    }
    return of(Refit.of(model, yi, vi)).run(studies);
  }

  /** One row per study (labels in data order); needs k &ge; 2. */
  public List<SensitivityRow> run(List<String> studies) {
    int k = studies.size();
    if (k < 2) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("bias.error.tooFewStudies", "leave-one-out", 2, k));
    }
    checkSize("leave-one-out", k);
    List<SensitivityRow> rows = new ArrayList<>(k);
    for (int out = 0; out < k; out++) {
      int[] idx = new int[k - 1];
      for (int i = 0, j = 0; i < k; i++) {
        if (i != out) {
          idx[j++] = i;
        }
      }
      rows.add(row(refit, out + 1, studies.get(out), idx));
    }
    return List.copyOf(rows);
  }

  /** One refit as a row; shared with {@link CumulativeMetaAnalysis}. */
  static SensitivityRow row(Refit refit, int row, String study, int[] idx) {
    try {
      return new SensitivityRow(row, study, refit.fit(idx), "");
    } catch (WorkbenchException e) {
      if (e.kind() != WorkbenchException.Kind.DATA) {
        throw e;
      }
      // metafor's leave1out()/cumul() also keep going and report NA for this row
      return new SensitivityRow(row, study, null, e.getMessage());
    }
  }
}
