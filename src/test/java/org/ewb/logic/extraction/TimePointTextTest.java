package org.ewb.logic.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.TimePoint;
import org.junit.jupiter.api.Test;

class TimePointTextTest {

  private static String en(double months, String label) {
    return text(months, label, Locale.ENGLISH);
  }

  private static String zh(double months, String label) {
    return text(months, label, Localization.CHINESE);
  }

  private static String text(double months, String label, Locale locale) {
    return TimePointText.of(new TimePoint(1, 1, months, label), locale);
  }

  @Test
  void aDefaultLabelOfTheOtherLanguageReadsInTheLanguageOfTheText() {
    assertEquals("12 个月", zh(12, "12 months"));
    assertEquals("1 个月", zh(1, "1 month"));
    assertEquals("2.5 个月", zh(2.5, "2.5 months"));
    assertEquals("基线", zh(0, "baseline"));
    assertEquals("基线", zh(0, "Baseline"));
    assertEquals("12 months", en(12, "12 个月"));
    assertEquals("12 months", en(12, "12个月"));
    assertEquals("baseline", en(0, "基线"));
  }

  @Test
  void aLabelOfItsOwnLanguageOrOfTheReviewersChoiceIsKept() {
    assertEquals("1 month", en(1, "1 month"));
    assertEquals("Baseline", en(0, "Baseline"));
    assertEquals("12 个月", zh(12, "12 个月"));
    assertEquals("end of treatment", zh(6, "end of treatment"));
    assertEquals("治疗结束", en(6, "治疗结束"));
    assertEquals("12 months", zh(6, "12 months"), "not the default of its own months");
  }

  @Test
  void noLabelReadsAsMonths() {
    assertEquals("6 months", en(6, ""));
    assertEquals("6 个月", zh(6, " "));
  }
}
