package org.ewb.model;

/** A follow-up time point of an outcome: months from baseline (0 = baseline) and a label. */
public record TimePoint(long id, long outcomeId, double months, String label) {

  public TimePoint {
    label = Study.nz(label);
  }

  public TimePoint withId(long newId) {
    return new TimePoint(newId, outcomeId, months, label);
  }
}
