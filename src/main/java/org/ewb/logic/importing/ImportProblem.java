package org.ewb.logic.importing;

/**
 * Something in an imported file that was read but not as the reviewer may expect (a year that is
 * not a year, a row with no study): reported with its place, nothing else is lost.
 */
public record ImportProblem(String file, int record, int line, String field, String message) {

  /** "refs.ris, record 3 (line 41), year: ..." */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(file);
    if (record > 0) {
      b.append(", ").append(org.ewb.logic.l10n.Localization.lang("import.place.record", record));
    }
    if (line > 0) {
      b.append(" (").append(org.ewb.logic.l10n.Localization.lang("import.place.line", line));
      b.append(')');
    }
    if (!field.isEmpty()) {
      b.append(", ").append(field);
    }
    return b.append(": ").append(message).toString();
  }
}
