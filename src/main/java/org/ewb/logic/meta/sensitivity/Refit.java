package org.ewb.logic.meta.sensitivity;

/**
 * Fits the analysis' model to a subset of the studies (0-based indices, in data order) and returns
 * its pooled result. Lets leave-one-out and cumulative analyses refit any model: inverse variance
 * ({@link #of(org.ewb.logic.meta.RandomEffectsModel, double[], double[])}) or Mantel-Haenszel /
 * Peto on the 2x2 tables. A fit that cannot be done throws a {@code WorkbenchException} of kind
 * DATA, which becomes a failed row.
 */
@FunctionalInterface
public interface Refit {

  PooledSummary fit(int[] studies);

  /** Inverse-variance refits of {@code model} to the given yi / vi. */
  static Refit of(org.ewb.logic.meta.RandomEffectsModel model, double[] yi, double[] vi) {
    return idx -> {
      double[] y = new double[idx.length];
      double[] v = new double[idx.length];
      for (int j = 0; j < idx.length; j++) {
        y[j] = yi[idx[j]];
        v[j] = vi[idx[j]];
      }
      return PooledSummary.of(model.fit(y, v));
    };
  }
}
