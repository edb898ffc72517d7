package org.ewb.logic.meta.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
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

  private final RandomEffectsModel model;

  private CumulativeMetaAnalysis(RandomEffectsModel model) {
    this.model = model;
  }

  public static CumulativeMetaAnalysis of(RandomEffectsModel model) {
    return new CumulativeMetaAnalysis(model);
  }

  /** Row i is the fit to studies 1..i; needs k &ge; 1. */
  public List<SensitivityRow> run(double[] yi, double[] vi, List<String> studies) {
    int k = yi.length;
    if (vi.length != k || studies.size() != k) {
      throw new IllegalArgumentException("yi, vi and studies differ in length");
    }
    List<SensitivityRow> rows = new ArrayList<>(k);
    for (int i = 1; i <= k; i++) {
      rows.add(
          LeaveOneOut.Refits.row(
              model, i, studies.get(i - 1), Arrays.copyOf(yi, i), Arrays.copyOf(vi, i)));
    }
    return List.copyOf(rows);
  }
}
