package org.ewb.logic.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.TimePoint;

/**
 * How a time point is named on screen, in messages and in exports: its own label, or "N months" in
 * the language of the text when it has none or its label is the default of the other language ("12
 * months" or "1 month" stored by an English session reads "12 个月" in Chinese, "12 个月" reads "12
 * months" in English; a time point at 0 months labelled "baseline" reads "基线" in Chinese).
 */
public final class TimePointText {

  private TimePointText() {}

  /** In the current language. */
  public static String of(TimePoint t) {
    return of(t, Localization.locale());
  }

  /** In the language of {@code locale}. */
  public static String of(TimePoint t, Locale locale) {
    String label = t.label().strip();
    boolean chinese = Localization.CHINESE.getLanguage().equals(locale.getLanguage());
    Locale other = chinese ? Locale.ENGLISH : Localization.CHINESE;
    if (label.isEmpty() || isDefault(label, t.months(), other)) {
      return lang(locale, "timepoint.months", t.months());
    }
    if (t.months() == 0 && label.equalsIgnoreCase(lang(other, "timepoint.baseline"))) {
      return lang(locale, "timepoint.baseline");
    }
    return label;
  }

  /** "12 months" / "1 month" (English) or "12 个月" / "12个月" (Chinese). */
  private static boolean isDefault(String label, double months, Locale language) {
    String form = lang(language, "timepoint.months", months);
    return label.replace(" ", "").equals(form.replace(" ", ""))
        || (months == 1 && language == Locale.ENGLISH && label.equals("1 month"));
  }
}
