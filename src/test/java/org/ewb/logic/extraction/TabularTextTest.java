package org.ewb.logic.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TabularTextTest {

  @Test
  void parsesABlockAsExcelCopiesIt() {
    assertEquals(
        List.of(List.of("1", "2.5", ""), List.of("a", "", "c")),
        TabularText.parse("1\t2.5\t\r\na\t\tc\r\n"));
  }

  @Test
  void aTrailingNewlineMakesNoEmptyRow() {
    assertEquals(List.of(List.of("x")), TabularText.parse("x\n"));
  }

  @Test
  void quotedCellsKeepTabsNewlinesAndQuotes() {
    assertEquals(
        List.of(List.of("two\nlines", "say \"hi\"", "t\tab")),
        TabularText.parse("\"two\nlines\"\t\"say \"\"hi\"\"\"\t\"t\tab\"\n"));
  }

  @Test
  void formatAndParseRoundTrip() {
    List<List<String>> block =
        List.of(List.of("张 2012", "a\tb", ""), List.of("\"q\"", "x\ny", "8.1"));
    assertEquals(block, TabularText.parse(TabularText.format(block)));
  }

  @Test
  void emptyTextIsAnEmptyBlock() {
    assertEquals(List.of(), TabularText.parse(""));
  }
}
