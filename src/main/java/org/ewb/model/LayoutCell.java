package org.ewb.model;

/**
 * The value of one study in one column of one table layout as that table prints it, in English and
 * Chinese, with its own provenance and an optional note that the export turns into a footnote mark
 * (a, b, ...). It is distinct from the study's reconciled characteristic value: two published
 * tables may print the same study differently, and each layout keeps its own.
 *
 * @param column the layout column: a field key or a {@code study.*} key of the layout
 */
public record LayoutCell(
    long layoutId,
    long studyId,
    String column,
    String valueEn,
    String valueZh,
    Provenance provenance,
    String noteEn,
    String noteZh) {

  public LayoutCell {
    column = Study.nz(column).strip();
    valueEn = Study.nz(valueEn);
    valueZh = Study.nz(valueZh);
    provenance = provenance == null ? Provenance.NONE : provenance;
    noteEn = Study.nz(noteEn).strip();
    noteZh = Study.nz(noteZh).strip();
  }

  /** The value in {@code lang} ("zh" or English); falls back to the other language. */
  public String value(String lang) {
    return Bilingual.pick(lang, valueEn, valueZh);
  }

  /** Whether the value in {@code lang} is missing and the other language's is shown instead. */
  public boolean missingTranslation(String lang) {
    return Bilingual.missing(lang, valueEn, valueZh);
  }

  /** The note in {@code lang}, falling back to the other; empty if none. */
  public String note(String lang) {
    return Bilingual.pick(lang, noteEn, noteZh);
  }

  /** Whether the cell holds nothing (such a cell is deleted when stored). */
  public boolean isEmpty() {
    return valueEn.isEmpty()
        && valueZh.isEmpty()
        && noteEn.isEmpty()
        && noteZh.isEmpty()
        && provenance.isEmpty();
  }
}
