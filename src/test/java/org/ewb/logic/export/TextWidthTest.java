package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Display widths (CJK counts two) and the wrapped line estimate used for row heights. */
class TextWidthTest {

  @ParameterizedTest
  @CsvSource({"AHSCT,5", "静脉输注,8", "'HbA1c, C肽',10", "１２,4", "'',0"})
  void cjkAndFullWidthCharactersCountTwice(String text, int width) {
    assertEquals(width, TextWidth.of(text));
  }

  @ParameterizedTest
  @CsvSource({
    "'open prospective',10,2",
    "'open prospective',16,1",
    "'南京医科大学鼓楼医院',10,2",
    "'南京医科大学鼓楼医院',9,3",
    "'abcdefghijklmnopqrstuvwxyz',10,3",
    "'',10,1",
  })
  void greedyWrapCountsLines(String text, int width, int lines) {
    assertEquals(lines, TextWidth.lines(text, width));
  }

  @ParameterizedTest
  @CsvSource({"'UC-MSCs BM-MNC',7", "'2.05×10⁶~9.60×10⁶/kg',20", "'静脉输注',2"})
  void longestWordIsTheNarrowestAColumnCanBe(String text, int width) {
    assertEquals(width, TextWidth.longestWord(text));
  }

  @ParameterizedTest
  @CsvSource({
    "HbA1c,hba1c",
    "'Insulin reduced by 50% (as printed)',insulin-reduced-by-50-as-printed",
    "空腹C肽,空腹c肽",
    "'***',table"
  })
  void fileNameSlugsKeepLettersOfAnyScript(String name, String slug) {
    assertEquals(slug, FileNames.slug(name));
  }
}
