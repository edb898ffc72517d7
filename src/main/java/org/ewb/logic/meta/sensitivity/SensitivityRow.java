package org.ewb.logic.meta.sensitivity;

/**
 * One row of a leave-one-out or cumulative meta-analysis: the data row (1-based) and study that was
 * left out (leave-one-out) or added last (cumulative), and the refitted model, or the reason why
 * the refit failed (metafor's {@code leave1out()} / {@code cumul()} give NA values there).
 *
 * @param row 1-based position of the study in the data
 * @param study study label
 * @param fit the pooled result of the refit, null when the refit failed
 * @param failure the reviewer-readable reason of the failure, empty when {@code fit} is present
 */
public record SensitivityRow(int row, String study, PooledSummary fit, String failure) {

  public SensitivityRow {
    failure = failure == null ? "" : failure;
    if ((fit == null) == failure.isEmpty()) {
      throw new IllegalArgumentException("a row has either a fit or a failure");
    }
  }

  public boolean failed() {
    return fit == null;
  }
}
