package org.ewb.model;

/**
 * Contrast-level data of one study x outcome x time point: an effect estimate on its analysis scale
 * (e.g. log RR, MD) with its standard error, and the measure it is on ("MD", "logRR", ...).
 */
public record GenericEstimate(
    long id,
    long studyId,
    long outcomeId,
    long timePointId,
    CellText effect,
    CellText se,
    String measure,
    Provenance provenance) {

  public GenericEstimate {
    effect = effect == null ? CellText.EMPTY : effect;
    se = se == null ? CellText.EMPTY : se;
    measure = Study.nz(measure);
    provenance = provenance == null ? Provenance.NONE : provenance;
  }

  public GenericEstimate withId(long newId) {
    return new GenericEstimate(
        newId, studyId, outcomeId, timePointId, effect, se, measure, provenance);
  }
}
