package org.ewb.logic.validation;

/**
 * A problem of one cell, without its place: what a grid needs to paint the cell red and show a
 * tooltip. {@code column} is a {@link Column} key (or a field key for characteristic values).
 */
public record CellIssue(Problem.Severity severity, String column, String detail) {

  public boolean isError() {
    return severity == Problem.Severity.ERROR;
  }
}
