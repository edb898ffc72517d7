package org.ewb.logic.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.ReportedForm;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectValidatorTest {

  @BeforeEach
  void english() {
    Localization.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void reset() {
    Localization.setLocale(Locale.ENGLISH);
  }

  static CellText c(String s) {
    return CellText.of(s);
  }

  @ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sd     | 1.2      | ",
        "sd     | 0        | SD = 0 must be greater than 0",
        "sd     | -1       | SD = -1 must be greater than 0",
        "se     | 0.0      | SE = 0.0 must be greater than 0",
        "n      | 15       | ",
        "n      | 0        | n = 0 must be at least 1",
        "n      | 12.5     | n = 12.5 must be a whole number",
        "n      | -3       | n = -3 must not be negative",
        "events | 0        | ",
        "events | -1       | events = -1 must not be negative",
        "events | 2.5      | events = 2.5 must be a whole number",
        "total  | 0        | total = 0 must be at least 1",
        "total  | 10.5     | total = 10.5 must be a whole number",
        "mean   | -3.5     | ",
        "mean   | 12,5     | mean = \"12,5\" is not a number (use a point as the decimal separator)",
        "mean   | 12,5a    | mean = \"12,5a\" is not a number",
        "mean   | NA       | mean = \"NA\" is not a number",
        "mean   | Infinity | mean = Infinity is not a finite number",
        "mean   | NaN      | mean = NaN is not a finite number",
        "mean   | 1e999    | mean = 1e999 is not a finite number",
        "mean   | 12d      | mean = \"12d\" is not a number",
        "sd     | abc      | SD = \"abc\" is not a number",
        "mean   | ''       | ",
      })
  void checksOneCell(String column, String text, String expected) {
    Optional<String> got = ProjectValidator.validateCell(Column.of(column), c(text));
    assertEquals(Optional.ofNullable(expected), got);
  }

  @Test
  void eventsAboveTotalAreAnErrorOnTheEventsCell() {
    Measurement m = Measurement.dichotomous(1, 1, 1, 1, c("12"), c("10"), null);
    assertEquals(
        List.of(new CellIssue(Problem.Severity.ERROR, "events", "events = 12 exceed total = 10")),
        ProjectValidator.validateMeasurement(m, OutcomeKind.DICHOTOMOUS, null));
  }

  @Test
  void aMeanWithoutNIsMissingN() {
    Measurement m = Measurement.continuous(1, 1, 1, 1, null, c("8.6"), c("1.2"), null);
    assertEquals(
        List.of(new CellIssue(Problem.Severity.ERROR, "n", "n is missing (a mean or SD is given)")),
        ProjectValidator.validateMeasurement(m, OutcomeKind.CONTINUOUS, null));
  }

  @Test
  void eventsWithoutTotalIsMissingTotal() {
    Measurement m = Measurement.dichotomous(1, 1, 1, 1, c("3"), null, null);
    List<CellIssue> issues = ProjectValidator.validateMeasurement(m, OutcomeKind.DICHOTOMOUS, null);
    assertEquals(List.of("total"), issues.stream().map(CellIssue::column).toList());
  }

  @Test
  void aCompleteRowHasNoProblems() {
    assertTrue(
        ProjectValidator.validateMeasurement(
                Measurement.continuous(1, 1, 1, 1, c("15"), c("8.6"), c("1.2"), null),
                OutcomeKind.CONTINUOUS,
                15)
            .isEmpty());
    assertTrue(
        ProjectValidator.validateMeasurement(
                Measurement.dichotomous(1, 1, 1, 1, c("0"), c("15"), null),
                OutcomeKind.DICHOTOMOUS,
                20)
            .isEmpty());
  }

  @Test
  void reportedFormsAreCheckedAndBoundsInTheWrongOrderWarned() {
    ReportedForm r =
        new ReportedForm(c("-0.2"), c("9"), c("7"), c("x"), c("5"), c("4"), null, null, null);
    Measurement m = new Measurement(0, 1, 1, 1, 1, c("10"), null, null, null, null, r, "", null);
    List<CellIssue> issues = ProjectValidator.validateMeasurement(m, OutcomeKind.CONTINUOUS, null);
    assertEquals(
        List.of(
            "ERROR se SE = -0.2 must be greater than 0",
            "ERROR median median = \"x\" is not a number",
            "WARNING ciLower CI lower = 9 is above CI upper = 7",
            "WARNING q1 Q1 = 5 is above Q3 = 4"),
        issues.stream().map(i -> i.severity() + " " + i.column() + " " + i.detail()).toList());
  }

  @Test
  void nAboveTheNumberRandomisedIsAWarning() {
    Measurement m = Measurement.continuous(1, 1, 1, 1, c("20"), c("1"), c("1"), null);
    List<CellIssue> issues = ProjectValidator.validateMeasurement(m, OutcomeKind.CONTINUOUS, 15);
    assertEquals(
        List.of(
            new CellIssue(
                Problem.Severity.WARNING, "n", "n = 20 exceeds the 15 randomised to this arm")),
        issues);
  }

  @Test
  void dataOfTheOtherKindIsAWarning() {
    Measurement m = Measurement.dichotomous(1, 1, 1, 1, c("1"), c("10"), null);
    List<CellIssue> issues = ProjectValidator.validateMeasurement(m, OutcomeKind.CONTINUOUS, null);
    assertEquals(1, issues.size());
    assertEquals(Problem.Severity.WARNING, issues.get(0).severity());
  }

  @Test
  void genericEstimatesNeedAPositiveSeWithTheirEffect() {
    assertEquals(
        List.of("effectSe"),
        ProjectValidator.validateGenericEstimate(
                new GenericEstimate(0, 1, 1, 1, c("-0.3"), null, "logRR", null))
            .stream()
            .map(CellIssue::column)
            .toList());
    assertEquals(
        List.of("SE of effect = 0 must be greater than 0"),
        ProjectValidator.validateGenericEstimate(
                new GenericEstimate(0, 1, 1, 1, c("-0.3"), c("0"), "logRR", null))
            .stream()
            .map(CellIssue::detail)
            .toList());
    assertTrue(
        ProjectValidator.validateGenericEstimate(
                new GenericEstimate(0, 1, 1, 1, c("-0.3"), c("0.1"), "logRR", null))
            .isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "INTEGER | 29         | true",
        "INTEGER | 29 (15/14) | false",
        "INTEGER | 2.5        | false",
        "DECIMAL | 2.5        | true",
        "DECIMAL | 1-2        | false",
        "CHOICE  | UC-MSC     | true",
        "CHOICE  | other      | false",
        "DATE    | 2013       | true",
        "DATE    | 2013-02    | true",
        "DATE    | 2013-02-30 | false",
        "DATE    | Feb 2013   | false",
        "TEXT    | anything   | true",
      })
  void characteristicValuesAreCheckedAgainstTheirFieldType(
      FieldType type, String value, boolean fine) {
    CharacteristicField f =
        new CharacteristicField(
            1, "k", "Cell type", "", type, "", List.of("MSC", "UC-MSC"), "", "", 0);
    assertEquals(fine, ProjectValidator.validateValue(f, value).isEmpty());
  }

  /** Two studies, one outcome of each kind; problems planted in known places. */
  static ProjectData project() {
    Study hu = new Study(1, "hu", "Hu 2013", "", 2013, "", "", "", "", "", "", "", "", null, 1);
    Study li = new Study(2, "li", "Li 2020", "", 2020, "", "", "", "", "", "", "", "", null, 0);
    Arm huMsc = new Arm(11, 1, "MSC", ArmRole.EXPERIMENTAL, "", 15, 0);
    Arm huCtl = new Arm(12, 1, "Control", ArmRole.CONTROL, "", null, 1);
    Arm liMsc = new Arm(21, 2, "MSC", ArmRole.EXPERIMENTAL, "", null, 0);
    Outcome hba1c = new Outcome(1, "HbA1c", OutcomeKind.CONTINUOUS, "%", true, 0);
    Outcome indep = new Outcome(2, "Insulin independence", OutcomeKind.DICHOTOMOUS, "", false, 1);
    TimePoint t12 = new TimePoint(101, 1, 12, "12 months");
    TimePoint t6 = new TimePoint(102, 1, 6, "");
    TimePoint tIndep = new TimePoint(201, 2, 12, "1 year");
    CharacteristicField dose =
        new CharacteristicField(7, "dose", "Dose", "剂量", FieldType.DECIMAL, "", null, "", "", 0);
    List<Measurement> ms =
        List.of(
            Measurement.continuous(1, 1, 11, 101, c("15"), c("8.6"), c("-1"), null).withId(1),
            Measurement.continuous(1, 1, 12, 101, c("14"), c("7.1"), c("0.9"), null).withId(2),
            Measurement.continuous(1, 1, 12, 102, null, c("7.5"), c("1"), null).withId(3),
            Measurement.dichotomous(1, 2, 11, 201, c("12"), c("10"), null).withId(4),
            Measurement.continuous(2, 1, 21, 102, c("9.5"), c("Infinity"), c("1"), null).withId(5));
    return new ProjectData(
        new Project("t", "", "", null, null, 2),
        List.of(li, hu),
        List.of(dose),
        List.of(new CharacteristicValue(1, 7, "1,5", null)),
        List.of(huMsc, huCtl, liMsc),
        List.of(hba1c, indep),
        List.of(t6, t12, tIndep),
        ms,
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void validateListsEveryProblemWithItsPlaceInReadingOrder() {
    List<Problem> problems = ProjectValidator.validate(project());
    assertEquals(
        List.of(
            "Study 'Li 2020', HbA1c, MSC, 6 months: n = 9.5 must be a whole number",
            "Study 'Li 2020', HbA1c, MSC, 6 months: mean = Infinity is not a finite number",
            "Study 'Hu 2013': Dose = \"1,5\" is not a number",
            "Study 'Hu 2013', HbA1c, Control, 6 months: n is missing (a mean or SD is given)",
            "Study 'Hu 2013', HbA1c, MSC, 12 months: SD = -1 must be greater than 0",
            "Study 'Hu 2013', Insulin independence, MSC, 1 year: events = 12 exceed total = 10"),
        problems.stream().map(Problem::message).toList());
    Problem sd = problems.get(4);
    assertEquals(
        List.of(1L, 1L, 11L, 101L),
        List.of(sd.studyId(), sd.outcomeId(), sd.armId(), sd.timePointId()));
    assertEquals("sd", sd.column());
    assertEquals("SD = -1 must be greater than 0", sd.detail());
    assertEquals(Problem.Severity.WARNING, problems.get(2).severity());
    assertEquals("dose", problems.get(2).column());
  }

  @Test
  void everyColumnHasALabelInBothLanguages() {
    for (Column col : Column.values()) {
      assertTrue(Localization.has(Locale.ENGLISH, col.labelKey()), col.labelKey());
      assertTrue(Localization.has(Locale.SIMPLIFIED_CHINESE, col.labelKey()), col.labelKey());
      assertEquals(col, Column.of(col.key()));
    }
  }

  @Test
  void messagesAreInChineseWhenChosen() {
    Localization.setLocale(Locale.SIMPLIFIED_CHINESE);
    List<Problem> problems = ProjectValidator.validate(project());
    assertEquals("研究“Hu 2013”, HbA1c, MSC, 12 个月: SD = -1 必须大于 0", problems.get(4).message());
  }
}
