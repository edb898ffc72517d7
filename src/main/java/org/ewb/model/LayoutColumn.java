package org.ewb.model;

/**
 * A column heading of one table layout as that table prints it (e.g. seed 004's "Follow-up period
 * (M)" for the field {@code follow_up}), and the group heading above it, if the layout has one.
 * Column {@link #NUMBER} is the numbering column ("No.", "序号").
 */
public record LayoutColumn(
    long layoutId,
    String column,
    String headingEn,
    String headingZh,
    String groupEn,
    String groupZh) {

  /** The key of the numbering column. */
  public static final String NUMBER = "#";

  public LayoutColumn {
    column = Study.nz(column).strip();
    headingEn = Study.nz(headingEn);
    headingZh = Study.nz(headingZh);
    groupEn = Study.nz(groupEn);
    groupZh = Study.nz(groupZh);
  }

  public String heading(String lang) {
    return Bilingual.pick(lang, headingEn, headingZh);
  }

  public String group(String lang) {
    return Bilingual.pick(lang, groupEn, groupZh);
  }
}
