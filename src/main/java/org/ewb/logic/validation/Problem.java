package org.ewb.logic.validation;

/**
 * One data problem and its place. Ids are 0 where they do not apply (a characteristic value has no
 * outcome, arm or time point). {@code column} is one of the {@link Column} keys for a measurement
 * or generic estimate cell, or the field key for a characteristic value. {@code message} is the
 * full, reviewer-readable text with the place ("Study 'Hu 2013', HbA1c, MSC, 12 months: SD = -1
 * must be greater than 0"); {@code detail} is the same without the place, for a cell's tooltip.
 */
public record Problem(
    Severity severity,
    long studyId,
    long outcomeId,
    long armId,
    long timePointId,
    String column,
    String message,
    String detail) {

  /** How bad a problem is. Errors stop an analysis of the cell; warnings are worth a look. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
