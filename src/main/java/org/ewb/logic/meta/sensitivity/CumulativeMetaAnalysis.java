package org.ewb.logic.meta.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.meta.RandomEffectsModel;

/**
 * Cumulative meta-analysis (metafor {@code cumul()}): the model fitted to the first study, the
 * first two, ... all k, in the order given (data order, or e.g. by publication year if the caller
 * sorts first), to show how the evidence accumulated. The first row is a one-study fit (tau^2 = 0,
 * Q = 0, I^2 = 0, H^2 = 1). A refit that fails gives a row with the reason instead of numbers.
 *
 * <p>Reference: Lau J, Antman EM, Jimenez-Silva J, Kupelnick B, Mosteller F, Chalmers TC.
 * Cumulative meta-analysis of therapeutic trials for myocardial infarction. N Engl J Med
 * 1992;327:248-254. doi:10.1056/NEJM199207233270406
 */
public final class CumulativeMetaAnalysis {

  private final Refit refit;

  private CumulativeMetaAnalysis(Refit refit) {
    this.refit = refit;
  }

  /** Cumulative analysis with any refit (e.g. Mantel-Haenszel on the 2x2 tables). */
  public static CumulativeMetaAnalysis of(Refit refit) {
    return new CumulativeMetaAnalysis(refit);
  }

  /** Row i is the inverse-variance fit to studies 1..i. */
  public static List<SensitivityRow> run(
      RandomEffectsModel model, double[] yi, double[] vi, List<String> studies) {
    if (yi.length != vi.length || studies.size() != yi.length) {
      throw new IllegalArgumentException("yi, vi and studies differ in length");
    }
    return of(Refit.of(model, yi, vi)).run(studies);
  }

  /** Row i is the fit to studies 1..i (labels in data order). */
  public List<SensitivityRow> run(List<String> studies) {
    int k = studies.size();
    LeaveOneOut.checkSize("cumulative", k);
    List<SensitivityRow> rows = new ArrayList<>(k);
    for (int i = 1; i <= k; i++) {
      int[] idx = new int[i];
      for (int j = 0; j < i; j++) {
        idx[j] = j;
      }
      rows.add(LeaveOneOut.row(refit, i, studies.get(i - 1), idx));
    }
    return List.copyOf(rows);
  }
}
