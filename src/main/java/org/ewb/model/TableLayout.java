package org.ewb.model;

import java.util.List;

/** A named choice and order of characteristic fields for an exported table (e.g. "Seed 002 表1"). */
public record TableLayout(
    long id,
    String name,
    String titleEn,
    String titleZh,
    List<String> fieldKeys,
    String footnoteEn,
    String footnoteZh) {

  public TableLayout {
    name = Study.nz(name);
    titleEn = Study.nz(titleEn);
    titleZh = Study.nz(titleZh);
    fieldKeys = fieldKeys == null ? List.of() : List.copyOf(fieldKeys);
    footnoteEn = Study.nz(footnoteEn);
    footnoteZh = Study.nz(footnoteZh);
  }
}
