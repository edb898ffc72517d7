package org.ewb.logic.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.TimePoint;

/**
 * How a time point is named on screen: its own label, or "N months" in the current language when it
 * has none or its label is the default one of either language ("12 months" stored by an English
 * session reads "12个月" in Chinese).
 */
public final class TimePointText {

  private TimePointText() {}

  public static String of(TimePoint t) {
    String label = t.label().strip();
    if (label.isEmpty()
        || label.equals(lang(Locale.ENGLISH, "timepoint.months", t.months()))
        || label.equals(lang(Localization.CHINESE, "timepoint.months", t.months()))) {
      return lang("timepoint.months", t.months());
    }
    return label;
  }
}
