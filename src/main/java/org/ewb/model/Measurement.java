package org.ewb.model;

/**
 * Arm-level data of one study x outcome x arm x time point. Continuous outcomes use {@code n},
 * {@code mean}, {@code sd}; dichotomous ones {@code events}, {@code total}. {@code reported} holds
 * the form as published; {@code derivation} names the conversion method when mean/SD were derived
 * from it (empty = values as reported).
 */
public record Measurement(
    long id,
    long studyId,
    long outcomeId,
    long armId,
    long timePointId,
    CellText n,
    CellText mean,
    CellText sd,
    CellText events,
    CellText total,
    ReportedForm reported,
    String derivation,
    Provenance provenance) {

  public Measurement {
    n = n == null ? CellText.EMPTY : n;
    mean = mean == null ? CellText.EMPTY : mean;
    sd = sd == null ? CellText.EMPTY : sd;
    events = events == null ? CellText.EMPTY : events;
    total = total == null ? CellText.EMPTY : total;
    reported = reported == null ? ReportedForm.NONE : reported;
    derivation = Study.nz(derivation);
    provenance = provenance == null ? Provenance.NONE : provenance;
  }

  public static Measurement continuous(
      long studyId,
      long outcomeId,
      long armId,
      long timePointId,
      CellText n,
      CellText mean,
      CellText sd,
      Provenance provenance) {
    return new Measurement(
        0, studyId, outcomeId, armId, timePointId, n, mean, sd, null, null, null, "", provenance);
  }

  public static Measurement dichotomous(
      long studyId,
      long outcomeId,
      long armId,
      long timePointId,
      CellText events,
      CellText total,
      Provenance provenance) {
    return new Measurement(
        0,
        studyId,
        outcomeId,
        armId,
        timePointId,
        null,
        null,
        null,
        events,
        total,
        null,
        "",
        provenance);
  }

  public boolean isDerived() {
    return !derivation.isEmpty();
  }

  public Measurement withId(long newId) {
    return new Measurement(
        newId,
        studyId,
        outcomeId,
        armId,
        timePointId,
        n,
        mean,
        sd,
        events,
        total,
        reported,
        derivation,
        provenance);
  }
}
