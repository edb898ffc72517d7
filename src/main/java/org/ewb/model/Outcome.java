package org.ewb.model;

/**
 * An outcome of the review (e.g. HbA1c, insulin independence): its name (English, and Chinese where
 * given), kind, unit, which direction is better, the effect measure analyses start from (empty: the
 * kind's usual one) and how many decimals tables and figures show (null: as many as needed).
 */
public record Outcome(
    long id,
    String name,
    OutcomeKind kind,
    String unit,
    boolean lowerIsBetter,
    int displayOrder,
    String nameZh,
    String defaultMeasure,
    Integer decimals) {

  public Outcome {
    name = Study.nz(name);
    kind = kind == null ? OutcomeKind.CONTINUOUS : kind;
    unit = Study.nz(unit);
    nameZh = Study.nz(nameZh);
    defaultMeasure = Study.nz(defaultMeasure);
    if (decimals != null && (decimals < 0 || decimals > 10)) {
      throw new IllegalArgumentException("decimals must be 0..10: " + decimals);
    }
  }

  public Outcome(
      long id,
      String name,
      OutcomeKind kind,
      String unit,
      boolean lowerIsBetter,
      int displayOrder) {
    this(id, name, kind, unit, lowerIsBetter, displayOrder, "", "", null);
  }

  public Outcome withId(long newId) {
    return new Outcome(
        newId, name, kind, unit, lowerIsBetter, displayOrder, nameZh, defaultMeasure, decimals);
  }

  public Outcome withDisplayOrder(int order) {
    return new Outcome(
        id, name, kind, unit, lowerIsBetter, order, nameZh, defaultMeasure, decimals);
  }

  /** The name in a language ("zh": the Chinese name where one is given). */
  public String name(String language) {
    return "zh".equals(language) && !nameZh.isBlank() ? nameZh : name;
  }
}
