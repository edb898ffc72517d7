package org.ewb.logic.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Study labels "Hu 2013", "Hu 2013a/b" (ADR 0112). */
class StudyLabelsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Hu, Jianxin|Hu",
        "Hu J|Hu",
        "Hu JX|Hu",
        "Jianxin Hu|Hu",
        "van der Berg, A.|van der Berg",
        "胡建新|胡建新",
        "胡 建新|胡建新",
        "Diabetes Prevention Program Research Group|Diabetes Prevention Program Research Group"
      })
  void surnames(String author, String surname) {
    assertEquals(surname, StudyLabels.surname(author));
  }

  @Test
  void clashesWithinABatchBecomeAandB() {
    StudyLabels l = new StudyLabels(List.of());
    assertEquals(
        List.of("Hu 2013a", "Li 2016", "Hu 2013b"),
        l.assign(List.of("Hu J", "Li X", "Hu, Jianxin"), Arrays.asList(2013, 2016, 2013)));
  }

  @Test
  void clashWithAnExistingLabelContinuesAfterIt() {
    StudyLabels l = new StudyLabels(List.of("Hu 2013", "Hu 2013b"));
    assertEquals(
        List.of("Hu 2013c", "Anonymous"), l.assign(List.of("Hu J", ""), Arrays.asList(2013, null)));
  }

  @Test
  void keysAreSlugs() {
    assertEquals("hu2013b", StudyLabels.key("Hu 2013b"));
    assertEquals("cremieux2001", StudyLabels.key("Crémieux 2001"));
    assertEquals("胡建新2015", StudyLabels.key("胡建新 2015"));
  }
}
