package org.ewb.logic.meta.overtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/**
 * A span of follow-up pooled as one time point, from {@code from} to {@code to} months inclusive
 * (e.g. 3–6 months). A study with several time points inside the window contributes its latest.
 */
public record TimeWindow(double from, double to) {

  public TimeWindow {
    if (!(from <= to) || !Double.isFinite(from) || !Double.isFinite(to)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("overtime.error.window", from, to));
    }
  }

  public boolean contains(double months) {
    return months >= from - 1e-9 && months <= to + 1e-9;
  }

  /** Where the window is drawn: its midpoint. */
  public double centre() {
    return (from + to) / 2;
  }

  public String label() {
    return from == to ? fmt(from) : fmt(from) + "–" + fmt(to);
  }

  /**
   * Parses "3-6,12,18-24" (months; a single number is a window of one time point).
   *
   * @throws WorkbenchException (USAGE) naming the part that is not a window
   */
  public static List<TimeWindow> parseList(String s) {
    List<TimeWindow> out = new ArrayList<>();
    for (String part : s.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int dash = p.indexOf('-', 1);
      try {
        if (dash < 0) {
          double m = Double.parseDouble(p);
          out.add(new TimeWindow(m, m));
        } else {
          out.add(
              new TimeWindow(
                  Double.parseDouble(p.substring(0, dash).strip()),
                  Double.parseDouble(p.substring(dash + 1).strip())));
        }
      } catch (NumberFormatException e) {
        throw new WorkbenchException(
            WorkbenchException.Kind.USAGE, Localization.lang("overtime.error.windowText", p));
      }
    }
    for (int i = 0; i < out.size(); i++) {
      for (int j = i + 1; j < out.size(); j++) {
        TimeWindow a = out.get(i);
        TimeWindow b = out.get(j);
        if (a.from() <= b.to() && b.from() <= a.to()) {
          throw new WorkbenchException(
              WorkbenchException.Kind.USAGE,
              Localization.lang("overtime.error.overlap", a.label(), b.label()));
        }
      }
    }
    return out;
  }

  static String fmt(double m) {
    return m == Math.rint(m) ? Long.toString((long) m) : String.format(Locale.ROOT, "%s", m);
  }
}
