package org.ewb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BilingualTest {

  @Test
  void eachLanguageFallsBackToTheOther() {
    assertEquals("中国", Bilingual.pick("zh", "China", "中国"));
    assertEquals("China", Bilingual.pick("en", "China", "中国"));
    assertEquals("China", Bilingual.pick("zh", "China", ""));
    assertEquals("中国", Bilingual.pick("en", "", "中国"));
  }

  @Test
  void aTextWithLettersInOnlyOneLanguageIsMissingInTheOther() {
    assertTrue(Bilingual.missing("zh", "intravenous", ""));
    assertTrue(Bilingual.missing("en", "", "静脉注射"));
    assertFalse(Bilingual.missing("en", "intravenous", ""));
    assertFalse(Bilingual.missing("zh", "intravenous", "静脉"));
    assertFalse(Bilingual.missing("zh", "", ""));
  }

  @Test
  void numbersAndSymbolsReadTheSameInBothLanguages() {
    for (String neutral : new String[] {"42", ">12", "24–44 [33.2± 2.82]", "0.5 × 10⁶"}) {
      assertFalse(Bilingual.missing("zh", neutral, ""), neutral);
      assertFalse(Bilingual.missing("en", "", neutral), neutral);
    }
    assertTrue(Bilingual.missing("zh", "6 months", ""));
    assertTrue(Bilingual.missing("en", "", "6个月"));
  }
}
