package org.ewb.logic.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reference format read from the fixtures of {@code src/test/resources/importing}. */
class ReferenceParsersTest {

  static final Path DIR = Path.of("src/test/resources/importing");

  @TempDir Path tmp;

  static ReferenceReader.Parsed read(String name) {
    return ReferenceReader.read(DIR.resolve(name), null, Map.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"three.ris", "three.nbib", "three.bib", "three.xml", "three.csv"})
  void everyFormatReadsRecordA(String name) {
    ReferenceReader.Parsed p = read(name);
    RefRecord a = p.records().get(0);
    assertEquals("Hu", StudyLabels.surname(a.firstAuthor()));
    assertEquals(2013, a.year());
    assertTrue(a.title().startsWith("Long term effects of the implantation of Wharton"), a.title());
    assertEquals("10.5555/ewb.2013.001", a.doi());
    assertEquals("60", a.volume());
    assertEquals("3", a.issue());
    assertEquals("90000001", a.pmid());
    if (!name.endsWith(".csv")) { // the CSV export has no page column
      assertTrue(a.pages().startsWith("347-"), a.pages());
    }
    assertTrue(p.problems().isEmpty(), p.problems().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"three.ris", "three.bib", "three.xml", "three.csv"})
  void chineseRecordKeptIntact(String name) {
    RefRecord c = read(name).records().get(2);
    assertEquals("脐带间充质干细胞移植治疗1型糖尿病的临床研究", c.title());
    assertEquals("胡建新", c.firstAuthor());
    assertEquals("中华糖尿病杂志", c.journal());
    assertEquals(2015, c.year());
  }

  @Test
  void risFieldsAndContinuationLines() {
    ReferenceReader.Parsed p = read("three.ris");
    assertEquals(ReferenceFormat.RIS, p.format());
    assertEquals(4, p.records().size());
    RefRecord a = p.records().get(0);
    assertEquals(List.of("Hu, Jianxin", "Yu, Xiaolong", "Wang, Zhiqiang"), a.authors());
    assertTrue(a.title().contains("stem cells from the umbilical cord"), a.title());
    assertEquals("Endocrine Journal", a.journal());
    assertEquals("347-357", a.pages());
    assertEquals(List.of("NCT90000001"), a.registrations());
    assertEquals(List.of("mesenchymal stem cells", "type 1 diabetes"), a.keywords());
    assertEquals("eng", a.language());
    assertEquals(1, a.line());
    RefRecord b = p.records().get(1);
    assertEquals(2016, b.year(), "PY 2016/// is 2016");
    assertEquals(List.of("ChiCTR-TRC-12002345"), b.registrations());
    // the DOI of the fourth record comes from its doi.org URL, normalised to lower case
    assertEquals("10.5555/ewb.2013.001", p.records().get(3).doi());
  }

  @Test
  void nbibUsesFullAuthorNamesAndOriginalTitles() {
    ReferenceReader.Parsed p = read("three.nbib");
    assertEquals(ReferenceFormat.NBIB, p.format());
    assertEquals(4, p.records().size());
    RefRecord a = p.records().get(0);
    assertEquals(List.of("Hu, Jianxin", "Yu, Xiaolong"), a.authors());
    assertTrue(a.title().contains("mesenchymal stem cells from the umbilical"), a.title());
    assertEquals("Endocrine journal", a.journal());
    assertEquals(List.of("NCT90000001"), a.registrations());
    RefRecord c = p.records().get(2);
    assertEquals(List.of("Hu JX", "Wang ZQ"), c.authors(), "AU when there is no FAU");
    // TT (the original-language title) replaces a bracketed translated TI
    assertEquals("脐带间充质干细胞移植治疗1型糖尿病的临床研究", c.title());
    assertEquals("10.5555/ewb.2015.003", c.doi());
    assertEquals("90000002", p.records().get(3).pmid());
    assertEquals(2016, p.records().get(3).year());
  }

  @Test
  void bibtexAndBiblatexFields() {
    ReferenceReader.Parsed p = read("three.bib");
    assertEquals(ReferenceFormat.BIBTEX, p.format());
    assertEquals(4, p.records().size());
    RefRecord b = p.records().get(1);
    assertEquals("Diabetes Research", b.journal(), "journaltitle");
    assertEquals(2016, b.year(), "date");
    assertEquals("4", b.issue(), "issue");
    assertEquals("english", b.language(), "langid");
    assertEquals("101-110", b.pages());
    assertEquals(
        List.of("Hu, Jianxin", "Yu, Xiaolong", "Wang, Zhiqiang"), p.records().get(0).authors());
    assertEquals(14, p.records().get(1).line());
    assertEquals("中华糖尿病杂志", p.records().get(3).journal(), "booktitle");
  }

  @Test
  void endnoteXmlDropsStyleWrappers() {
    ReferenceReader.Parsed p = read("three.xml");
    assertEquals(ReferenceFormat.ENDNOTE_XML, p.format());
    assertEquals(4, p.records().size());
    RefRecord a = p.records().get(0);
    assertEquals(List.of("Hu, Jianxin", "Yu, Xiaolong"), a.authors());
    assertEquals("Endocrine Journal", a.journal());
    assertEquals(List.of("type 2 diabetes", "stem cells"), p.records().get(1).keywords());
    assertEquals(List.of("NCT90000001"), p.records().get(3).registrations());
  }

  @Test
  void csvSplitsScopusAuthorsAndHonoursAMapping() {
    ReferenceReader.Parsed p = read("three.csv");
    assertEquals(3, p.records().size());
    assertEquals(List.of("Hu, J.", "Yu, X.", "Wang, Z."), p.records().get(0).authors());
    assertEquals(List.of("胡建新", "王志强"), p.records().get(2).authors());
    String csv = "Paper;When;Who\nA trial of things;2020;Smith J\n";
    ReferenceReader.Parsed q =
        ReferenceReader.parse(
            "x.csv",
            csv,
            "UTF-8",
            ReferenceFormat.CSV,
            Map.of("title", "Paper", "year", "When", "authors", "Who"));
    assertEquals("A trial of things", q.records().get(0).title());
    assertEquals(2020, q.records().get(0).year());
    assertEquals(List.of("Smith J"), q.records().get(0).authors());
  }

  @Test
  void gb18030FileIsDetected() throws IOException {
    String ris = Files.readString(DIR.resolve("three.ris"));
    Path f = tmp.resolve("gb.ris");
    Files.write(f, ris.getBytes(Charset.forName("GB18030")));
    ReferenceReader.Parsed p = ReferenceReader.read(f, null, Map.of());
    assertEquals("GB18030", p.charset());
    assertEquals("脐带间充质干细胞移植治疗1型糖尿病的临床研究", p.records().get(2).title());
  }

  @Test
  void yearThatIsNoYearIsReportedWithItsPlace() {
    ReferenceReader.Parsed p =
        ReferenceReader.parse(
            "y.ris",
            "TY  - JOUR\nTI  - A title\nPY  - in press\nER  - \n",
            "UTF-8",
            null,
            Map.of());
    assertNull(p.records().get(0).year());
    assertEquals(1, p.problems().size());
    String s = p.problems().get(0).toString();
    assertTrue(s.contains("y.ris") && s.contains("record 1") && s.contains("year"), s);
  }

  @Test
  void truncatedRisIsRefusedNamingTheRecord() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () ->
                ReferenceReader.parse(
                    "t.ris",
                    "TY  - JOUR\nTI  - One\nER  - \nTY  - JOUR\nTI  - Two\n",
                    "UTF-8",
                    null,
                    Map.of()));
    assertTrue(
        e.getMessage().contains("t.ris") && e.getMessage().contains("truncated"), e.getMessage());
    assertTrue(e.getMessage().contains("record 2"), e.getMessage());
  }

  @Test
  void binaryAndZipFilesAreRefused() throws IOException {
    Path bin = tmp.resolve("x.ris");
    Files.write(bin, new byte[] {'T', 'Y', 0, 1, 2});
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> ReferenceReader.read(bin, null, Map.of()));
    assertTrue(e.getMessage().contains("binary"), e.getMessage());
    Path zip = tmp.resolve("y.ris");
    Files.write(zip, new byte[] {'P', 'K', 3, 4, 20, 0});
    e = assertThrows(WorkbenchException.class, () -> ReferenceReader.read(zip, null, Map.of()));
    assertTrue(e.getMessage().contains("ZIP"), e.getMessage());
  }

  @Test
  void bibtexSyntaxErrorNamesItsLine() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () ->
                ReferenceReader.parse(
                    "b.bib",
                    "@article{a,\n title = {X},\n\n year = {2000\n",
                    "UTF-8",
                    null,
                    Map.of()));
    assertTrue(e.getMessage().startsWith("Cannot import b.bib"), e.getMessage());
  }

  @Test
  void truncatedEndnoteXmlIsRefusedAndEntitiesAreNotResolved() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () ->
                ReferenceReader.parse(
                    "e.xml",
                    "<xml><records><record><titles><title>X</title>",
                    "UTF-8",
                    null,
                    Map.of()));
    assertTrue(e.getMessage().contains("e.xml") && e.getMessage().contains("XML"), e.getMessage());
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><records><record><titles><title>&x;</title></titles></record></records></xml>";
    assertThrows(
        WorkbenchException.class,
        () -> ReferenceReader.parse("x.xml", xxe, "UTF-8", null, Map.of()));
  }

  @Test
  void textThatIsNoReferenceFileIsRefused() {
    assertThrows(
        WorkbenchException.class,
        () -> ReferenceReader.parse("n.nbib", "hello world\n", "UTF-8", null, Map.of()));
    assertThrows(
        WorkbenchException.class,
        () ->
            ReferenceReader.parse("n.ris", "hello\nTY  - JOUR\nER  -\n", "UTF-8", null, Map.of()));
    assertThrows(
        WorkbenchException.class,
        () -> ReferenceReader.parse("n.csv", "a,b\n1,2\n", "UTF-8", null, Map.of()));
  }

  @Test
  void identifiersAreNormalised() {
    assertEquals("10.1000/abc.1", Identifiers.doi("https://doi.org/10.1000/ABC.1."));
    assertEquals("10.1000/abc", Identifiers.doi("doi:10.1000/abc"));
    assertEquals("", Identifiers.doi("no doi here"));
    assertEquals("123", Identifiers.pmid("PMID: 00123"));
    assertEquals(
        List.of("NCT01234567", "ChiCTR2000031234", "ISRCTN12345678", "ChiCTR-TRC-12002345"),
        Identifiers.registrations(
            "nct01234567; ChiCTR2000031234 and ISRCTN12345678, ChiCTR-TRC-12002345 NCT01234567"));
    assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode("x"));
  }
}
