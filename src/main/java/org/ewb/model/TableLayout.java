package org.ewb.model;

import java.util.List;

/**
 * A named choice and order of characteristic fields for an exported table (e.g. "Seed 002 表1").
 *
 * <p>{@code rowFieldKey} optionally chooses the table's rows: when set, the table holds only the
 * included studies with a non-empty value in that field, ordered by it (numerically when every
 * value is a number), and that value is printed in the numbering column; when empty, every included
 * study in display order, numbered 1..n.
 */
public record TableLayout(
    long id,
    String name,
    String titleEn,
    String titleZh,
    List<String> fieldKeys,
    String footnoteEn,
    String footnoteZh,
    String rowFieldKey) {

  public TableLayout {
    name = Study.nz(name);
    titleEn = Study.nz(titleEn);
    titleZh = Study.nz(titleZh);
    fieldKeys = fieldKeys == null ? List.of() : List.copyOf(fieldKeys);
    footnoteEn = Study.nz(footnoteEn);
    footnoteZh = Study.nz(footnoteZh);
    rowFieldKey = Study.nz(rowFieldKey).strip();
  }

  /** A layout of every included study (no row key). */
  public TableLayout(
      long id,
      String name,
      String titleEn,
      String titleZh,
      List<String> fieldKeys,
      String footnoteEn,
      String footnoteZh) {
    this(id, name, titleEn, titleZh, fieldKeys, footnoteEn, footnoteZh, "");
  }

  /** This layout with another id (as stored). */
  public TableLayout withId(long newId) {
    return new TableLayout(
        newId, name, titleEn, titleZh, fieldKeys, footnoteEn, footnoteZh, rowFieldKey);
  }

  /** Whether a field chooses and orders the rows. */
  public boolean hasRowKey() {
    return !rowFieldKey.isEmpty();
  }
}
