package org.ewb.logic.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV output: BOM, RFC 4180, numbers as typed, formula injection neutralised. */
class CsvTableWriterTest {

  private static byte[] write(ExportTable t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvTableWriter.write(t, out, ExportProgress.NONE);
    return out.toByteArray();
  }

  private static ExportTable oneColumn(List<ExportCell> cells) {
    return new ExportTable(
        "t",
        "T",
        "Title",
        1,
        1,
        List.of(new HeaderCell("Value", 0, 0, 1, 1)),
        cells.stream().map(List::of).toList(),
        List.of("a footnote"),
        List.of());
  }

  private static List<CSVRecord> parse(byte[] bytes) throws IOException {
    String s = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(s.startsWith(CsvTableWriter.BOM));
    return CSVFormat.RFC4180.parse(new StringReader(s.substring(1))).getRecords();
  }

  @Test
  void startsWithTheUtf8ByteOrderMark() throws IOException {
    byte[] b = write(oneColumn(List.of(ExportCell.text("x"))));
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(b, 3));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      value = {
        "=1+1#'=1+1",
        "=cmd|' /C calc'!A0#'=cmd|' /C calc'!A0",
        "+SUM(A1:A9)#'+SUM(A1:A9)",
        "-2+3#'-2+3",
        "@SUM(1+1)*cmd#'@SUM(1+1)*cmd",
        "-#'-",
        "+1#'+1",
        "=HYPERLINK(\"http://x\",\"y\")#'=HYPERLINK(\"http://x\",\"y\")",
      })
  void textThatCouldRunAsAFormulaGetsALeadingApostrophe(String text, String expected)
      throws IOException {
    List<CSVRecord> r = parse(write(oneColumn(List.of(ExportCell.text(text)))));
    assertEquals(expected, r.get(1).get(0));
  }

  @Test
  void tabAndCarriageReturnAtTheStartAreNeutralisedToo() throws IOException {
    List<CSVRecord> r =
        parse(write(oneColumn(List.of(ExportCell.text("\t=1+1"), ExportCell.text("\r=1+1")))));
    assertEquals("'\t=1+1", r.get(1).get(0));
    assertEquals("'\r=1+1", r.get(2).get(0));
  }

  @Test
  void numbersAreWrittenAsTypedAndNegativeNumbersAreNotNeutralised() throws IOException {
    List<CSVRecord> r =
        parse(
            write(
                oneColumn(
                    List.of(
                        ExportCell.typed("-1.24", true),
                        ExportCell.typed("20.90", true),
                        ExportCell.typed("1e5", true),
                        ExportCell.typed("+3", true),
                        ExportCell.text("-5")))));
    assertEquals("-1.24", r.get(1).get(0));
    assertEquals("20.90", r.get(2).get(0));
    // scientific notation is kept as typed (issue 9: 2.6e7 never becomes 26000000); another
    // notation is written as a plain decimal, never with a sign '+'
    assertEquals("1e5", r.get(3).get(0));
    assertEquals("3", r.get(4).get(0));
    // text that is a plain negative number is data, not a formula
    assertEquals("-5", r.get(5).get(0));
  }

  @Test
  void quotesCommasAndLineBreaksFollowRfc4180() throws IOException {
    byte[] b = write(oneColumn(List.of(ExportCell.text("a, \"b\"\nc"), ExportCell.text("plain"))));
    String s = new String(b, StandardCharsets.UTF_8);
    assertEquals(CsvTableWriter.BOM + "Value\r\n\"a, \"\"b\"\"\nc\"\r\nplain\r\n", s);
  }

  @Test
  void characteristicsCsvHasAFlatHeaderAndChineseTextIntact() throws IOException {
    ExportTable t =
        CharacteristicsTableExporter.build(ExportFixtures.seed002(), Optional.empty(), "zh");
    List<CSVRecord> r = parse(write(t));
    assertEquals("序号", r.get(0).get(0));
    assertEquals("研究", r.get(0).get(1));
    assertEquals("干预措施: 细胞种类", r.get(0).get(4));
    assertEquals(6, r.size());
    assertEquals("1", r.get(1).get(0));
    assertEquals("开放、前瞻", r.get(1).get(2));
    assertEquals("南京医科大学鼓楼医院", r.get(1).get(10));
    assertEquals("22.06", r.get(1).get(11));
    // title and footnotes are not data rows
    assertFalse(r.stream().anyMatch(rec -> rec.get(0).startsWith("缩写")));
  }
}
