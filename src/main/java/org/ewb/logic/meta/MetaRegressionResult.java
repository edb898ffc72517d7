package org.ewb.logic.meta;

import java.util.List;

/**
 * Result of a meta-regression on one continuous moderator.
 *
 * @param moderator the moderator's name
 * @param fit the mixed-effects (or EE) model y ~ moderator
 * @param r2 proportion of tau^2 explained, percent (see {@link MetaRegression#r2})
 * @param predictions at the minimum, median and maximum moderator value
 * @param rows input rows (0-based) used in the fit
 */
public record MetaRegressionResult(
    String moderator,
    MetaResult fit,
    double r2,
    List<ModeratorPrediction> predictions,
    List<Integer> rows) {

  public MetaRegressionResult {
    predictions = List.copyOf(predictions);
    rows = List.copyOf(rows);
  }

  /** A prediction at one moderator value. */
  public record ModeratorPrediction(double moderatorValue, Prediction prediction) {}
}
