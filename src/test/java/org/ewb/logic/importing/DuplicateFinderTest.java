package org.ewb.logic.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ewb.logic.importing.DuplicateFinder.Entry;
import org.ewb.logic.importing.DuplicateFinder.Pair;
import org.ewb.logic.importing.DuplicateFinder.Reason;
import org.junit.jupiter.api.Test;

/** The duplicate rules of ADR 0111, one behaviour per test. */
class DuplicateFinderTest {

  private static final String T =
      "Umbilical cord mesenchymal stem cells for newly diagnosed type 1 diabetes";

  private static Entry e(
      String doi, String pmid, List<String> regs, String title, Integer year, String au) {
    return new Entry(doi, pmid, regs, title, year, au);
  }

  private static Entry t(String title, Integer year, String author) {
    return e("", "", List.of(), title, year, author);
  }

  @Test
  void sameDoiIsCertainWhateverTheTitle() {
    List<Pair> p =
        DuplicateFinder.find(
            List.of(
                e("10.1/x", "", List.of(), "A", 2000, "Hu J"),
                e("10.1/x", "", List.of(), "B", 2005, "Li X")),
            2);
    assertEquals(List.of(new Pair(0, 1, Reason.DOI, 1.0, true)), p);
  }

  @Test
  void samePmidAndSameRegistrationAreCertain() {
    assertEquals(
        Reason.PMID,
        DuplicateFinder.find(
                List.of(
                    e("", "12", List.of(), "A", 2000, ""), e("", "12", List.of(), "B", 2000, "")),
                2)
            .get(0)
            .reason());
    assertEquals(
        Reason.REGISTRATION,
        DuplicateFinder.find(
                List.of(
                    e("", "", List.of("NCT01234567"), "Protocol", 2010, "Hu"),
                    e("", "", List.of("ChiCTR2000031234", "NCT01234567"), "Results", 2013, "Hu")),
                2)
            .get(0)
            .reason());
  }

  @Test
  void nearIdenticalTitleSameYearAndAuthorIsCertain() {
    List<Pair> p =
        DuplicateFinder.find(List.of(t(T, 2013, "Hu, Jianxin"), t(T + ".", 2013, "Hu J")), 2);
    assertEquals(1, p.size());
    assertEquals(Reason.TITLE, p.get(0).reason());
    assertTrue(p.get(0).certain());
    assertEquals(1.0, p.get(0).score(), 1e-12, "punctuation is normalised away");
  }

  @Test
  void similarityIsNormalisedLevenshtein() {
    // kitten -> sitting: distance 3 (the textbook example), longer length 7
    assertEquals(1 - 3.0 / 7, DuplicateFinder.similarity("kitten", "sitting"), 1e-12);
    assertEquals("resume cafe", DuplicateFinder.normaliseTitle("Résumé — Café!"));
  }

  @Test
  void titleBetweenThresholdsIsOnlyPossible() {
    // five characters changed in a 73-character title: similarity 1 - 5/73 = 0.9315
    String other = T.replace("newly", "early");
    double sim = DuplicateFinder.similarity(T, other);
    assertTrue(sim >= DuplicateFinder.POSSIBLE && sim < DuplicateFinder.CERTAIN, "" + sim);
    List<Pair> p = DuplicateFinder.find(List.of(t(T, 2013, "Hu J"), t(other, 2013, "Hu J")), 2);
    assertEquals(1, p.size());
    assertFalse(p.get(0).certain());
    assertEquals(sim, p.get(0).score(), 1e-12);
  }

  @Test
  void yearOneApartIsPossibleTwoApartIsNothing() {
    List<Pair> one = DuplicateFinder.find(List.of(t(T, 2013, "Hu J"), t(T, 2014, "Hu J")), 2);
    assertEquals(1, one.size());
    assertFalse(one.get(0).certain());
    assertTrue(DuplicateFinder.find(List.of(t(T, 2013, "Hu J"), t(T, 2015, "Hu J")), 2).isEmpty());
  }

  @Test
  void differentDoisMakeATitleMatchOnlyPossible() {
    List<Pair> p =
        DuplicateFinder.find(
            List.of(
                e("10.1/a", "", List.of(), T, 2013, "Hu J"),
                e("10.1/b", "", List.of(), T, 2013, "Hu J")),
            2);
    assertEquals(1, p.size());
    assertFalse(p.get(0).certain());
  }

  @Test
  void differentTitlesAreNotDuplicates() {
    assertTrue(
        DuplicateFinder.find(
                List.of(
                    t(T, 2013, "Hu J"),
                    t("Insulin pump therapy versus injections in type 2 diabetes", 2013, "Hu J")),
                2)
            .isEmpty());
  }

  @Test
  void twoExistingStudiesAreNeverPaired() {
    assertTrue(
        DuplicateFinder.find(
                List.of(
                    t("Something else entirely here", 2000, "X"),
                    t(T, 2013, "Hu J"),
                    t(T, 2013, "Hu J")),
                1)
            .isEmpty());
  }

  @Test
  void yearOneApartIsComparedEvenWhenTitlesStartDifferently() {
    String a = "Long term effects of the implantation of stem cells in type 1 diabetes";
    String b = "Long-term effects of implantation of stem cells in type 1 diabetes";
    List<Pair> p = DuplicateFinder.find(List.of(t(a, 2013, "Hu J"), t(b, 2014, "Hu, J.")), 2);
    assertEquals(1, p.size());
    assertFalse(p.get(0).certain());
  }
}
