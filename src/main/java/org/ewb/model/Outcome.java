package org.ewb.model;

/** An outcome of the review (e.g. HbA1c, insulin independence). */
public record Outcome(
    long id, String name, OutcomeKind kind, String unit, boolean lowerIsBetter, int displayOrder) {

  public Outcome {
    name = Study.nz(name);
    kind = kind == null ? OutcomeKind.CONTINUOUS : kind;
    unit = Study.nz(unit);
  }

  public Outcome withId(long newId) {
    return new Outcome(newId, name, kind, unit, lowerIsBetter, displayOrder);
  }
}
