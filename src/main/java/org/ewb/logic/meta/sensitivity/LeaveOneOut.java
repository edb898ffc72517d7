package org.ewb.logic.meta.sensitivity;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.meta.MetaResult;
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

  private final RandomEffectsModel model;

  private LeaveOneOut(RandomEffectsModel model) {
    this.model = model;
  }

  public static LeaveOneOut of(RandomEffectsModel model) {
    return new LeaveOneOut(model);
  }

  /** One row per study, in data order; needs k &ge; 2. */
  public List<SensitivityRow> run(double[] yi, double[] vi, List<String> studies) {
    int k = yi.length;
    if (vi.length != k || studies.size() != k) {
      throw new IllegalArgumentException("yi, vi and studies differ in length");
    }
    if (k < 2) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("bias.error.tooFewStudies", "leave-one-out", 2, k));
    }
    List<SensitivityRow> rows = new ArrayList<>(k);
    for (int out = 0; out < k; out++) {
      double[] y = new double[k - 1];
      double[] v = new double[k - 1];
      for (int i = 0, j = 0; i < k; i++) {
        if (i != out) {
          y[j] = yi[i];
          v[j] = vi[i];
          j++;
        }
      }
      rows.add(Refits.row(model, out + 1, studies.get(out), y, v));
    }
    return List.copyOf(rows);
  }

  /** Helper shared with {@link CumulativeMetaAnalysis}. */
  static final class Refits {
    private Refits() {}

    static SensitivityRow row(
        RandomEffectsModel model, int row, String study, double[] y, double[] v) {
      try {
        MetaResult fit = model.fit(y, v);
        return new SensitivityRow(row, study, PooledSummary.of(fit), "");
      } catch (WorkbenchException e) {
        if (e.kind() != WorkbenchException.Kind.DATA) {
          throw e;
        }
        // metafor's leave1out()/cumul() also keep going and report NA for this row
        return new SensitivityRow(row, study, null, e.getMessage());
      }
    }
  }
}
