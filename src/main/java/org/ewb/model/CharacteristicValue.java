package org.ewb.model;

/**
 * The value of one characteristic field for one study, as typed, with its provenance. A text field
 * carries two texts: {@code value} in English (also the one language-neutral value of numbers,
 * choices and dates) and {@code valueZh} in Chinese; either may be missing (ADR 0123).
 */
public record CharacteristicValue(
    long studyId, long fieldId, String value, Provenance provenance, String valueZh) {

  public CharacteristicValue {
    value = Study.nz(value);
    provenance = provenance == null ? Provenance.NONE : provenance;
    valueZh = Study.nz(valueZh);
  }

  /** A value with no Chinese text. */
  public CharacteristicValue(long studyId, long fieldId, String value, Provenance provenance) {
    this(studyId, fieldId, value, provenance, "");
  }

  /** The text stored for {@code lang} ("zh" = Chinese, else English), without falling back. */
  public String stored(String lang) {
    return "zh".equals(lang) ? valueZh : value;
  }

  /** The text to show in {@code lang}: that language's, else the other one. */
  public String text(String lang) {
    return Bilingual.pick(lang, value, valueZh);
  }

  /** Whether {@code lang}'s text is missing while the other language has one. */
  public boolean missing(String lang) {
    return Bilingual.missing(lang, value, valueZh);
  }

  /** The same value with {@code lang}'s text replaced ("zh" = Chinese, else English). */
  public CharacteristicValue withText(String lang, String text) {
    return "zh".equals(lang)
        ? new CharacteristicValue(studyId, fieldId, value, provenance, text)
        : new CharacteristicValue(studyId, fieldId, text, provenance, valueZh);
  }

  public CharacteristicValue withProvenance(Provenance p) {
    return new CharacteristicValue(studyId, fieldId, value, p, valueZh);
  }

  /** Whether nothing is recorded (no text in either language, no provenance). */
  public boolean isEmpty() {
    return value.isEmpty() && valueZh.isEmpty() && provenance.isEmpty();
  }
}
