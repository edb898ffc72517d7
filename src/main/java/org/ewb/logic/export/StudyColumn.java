package org.ewb.logic.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Study;

/**
 * Columns of the characteristics table that come from the study record itself rather than from a
 * characteristic field. A table layout names them by key ({@code study.label}, {@code study.year},
 * ...), next to field keys.
 */
public enum StudyColumn {
  LABEL("study.label", Study::label, false),
  AUTHORS("study.authors", Study::authors, false),
  YEAR("study.year", s -> s.year() == null ? "" : Integer.toString(s.year()), true),
  TITLE("study.title", Study::title, false),
  JOURNAL("study.journal", Study::journal, false),
  COUNTRY("study.country", Study::country, false),
  DESIGN("study.design", Study::design, false),
  DOI("study.doi", Study::doi, false),
  PMID("study.pmid", Study::pmid, false),
  REGISTRATION("study.registration", Study::registration, false);

  private final String key;
  private final Function<Study, String> getter;
  private final boolean numeric;

  StudyColumn(String key, Function<Study, String> getter, boolean numeric) {
    this.key = key;
    this.getter = getter;
    this.numeric = numeric;
  }

  public String key() {
    return key;
  }

  public String value(Study s) {
    return getter.apply(s);
  }

  /** Whether the value is a number (the year) and is exported as one. */
  public boolean numeric() {
    return numeric;
  }

  public String label(Locale locale) {
    String messageKey = "export.column." + key;
    return Localization.lang(locale, messageKey);
  }

  public static Optional<StudyColumn> byKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }
}
