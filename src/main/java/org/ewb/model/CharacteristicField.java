package org.ewb.model;

import java.util.List;

/**
 * A column of the "characteristics of included studies" table, defined per project. {@code groupEn}
 * / {@code groupZh} name the upper heading of a two-level table header (empty = no group).
 */
public record CharacteristicField(
    long id,
    String key,
    String labelEn,
    String labelZh,
    FieldType type,
    String unit,
    List<String> choices,
    String groupEn,
    String groupZh,
    int displayOrder) {

  public CharacteristicField {
    key = Study.nz(key);
    labelEn = Study.nz(labelEn);
    labelZh = Study.nz(labelZh);
    type = type == null ? FieldType.TEXT : type;
    unit = Study.nz(unit);
    choices = choices == null ? List.of() : List.copyOf(choices);
    groupEn = Study.nz(groupEn);
    groupZh = Study.nz(groupZh);
  }

  /**
   * Label in the given language ("zh" = Chinese, anything else English); falls back to the other.
   */
  public String label(String lang) {
    if ("zh".equals(lang)) {
      return labelZh.isEmpty() ? labelEn : labelZh;
    }
    return labelEn.isEmpty() ? labelZh : labelEn;
  }

  /** Group heading in the given language, falling back to the other; empty if none. */
  public String group(String lang) {
    if ("zh".equals(lang)) {
      return groupZh.isEmpty() ? groupEn : groupZh;
    }
    return groupEn.isEmpty() ? groupZh : groupEn;
  }

  public CharacteristicField withId(long newId) {
    return new CharacteristicField(
        newId, key, labelEn, labelZh, type, unit, choices, groupEn, groupZh, displayOrder);
  }
}
