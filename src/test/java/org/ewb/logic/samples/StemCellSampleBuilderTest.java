package org.ewb.logic.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ewb.logic.project.InMemoryProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.FieldType;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stem-cell sample's content checked against its sources: expected values are read from {@code
 * studies.csv} / {@code outcomes.csv} by the test itself (see {@link SampleSources}), plus a few
 * hand-checked values from the seed documents.
 */
class StemCellSampleBuilderTest {

  private static ProjectData data;
  private static List<Map<String, String>> studiesCsv;
  private static List<Map<String, String>> outcomesCsv;

  @BeforeAll
  static void build() {
    InMemoryProjectRepository repo = new InMemoryProjectRepository();
    new StemCellSampleBuilder(SampleSources.sources()).build(repo);
    data = repo.snapshot();
    studiesCsv = SampleSources.read("seed-data/studies.csv");
    outcomesCsv = SampleSources.read("seed-data/outcomes.csv");
  }

  @Test
  void everyStudyOfStudiesCsvIsInTheProjectInCsvOrder() {
    List<String> ids = studiesCsv.stream().map(r -> r.get("id")).toList();
    assertEquals(36, ids.size(), "rows of studies.csv");
    assertEquals(ids, data.studies().stream().map(Study::key).toList());
  }

  @Test
  void reviewsAreRelatedReviewsAndOnlyTheMechanismPaperIsExcluded() {
    for (Map<String, String> r : studiesCsv) {
      Study s = study(r.get("id"));
      boolean review = r.get("design").toLowerCase().contains("meta-analysis");
      assertEquals(review, s.status() == StudyStatus.RELATED_REVIEW, s.key());
    }
    List<String> excluded =
        data.studies().stream()
            .filter(s -> s.status() == StudyStatus.EXCLUDED)
            .map(Study::key)
            .toList();
    assertEquals(List.of("xv2017_msc_immune_t1d"), excluded);
    assertTrue(study("xv2017_msc_immune_t1d").notes().startsWith("Excluded: not a clinical trial"));
    assertEquals(
        31, data.studies().stream().filter(s -> s.status() == StudyStatus.INCLUDED).count());
  }

  @Test
  void labelsAreUniqueAndAuthorLabelsAreSurnameAndYear() {
    Set<String> labels = data.studies().stream().map(Study::label).collect(Collectors.toSet());
    assertEquals(data.studies().size(), labels.size(), "labels unique");
    Pattern romanised = Pattern.compile("\\(([A-Za-z]+) [A-Za-z]+\\)");
    for (Map<String, String> r : studiesCsv) {
      String author = r.get("first_author");
      if (author.isEmpty()) {
        continue;
      }
      Matcher m = romanised.matcher(author);
      String surname = m.find() ? m.group(1) : author.split(" ")[0];
      assertEquals(surname + " " + r.get("year"), study(r.get("id")).label(), r.get("id"));
    }
    assertEquals("Yao 2022", study("yao2022_islet_pbsc_t1d").label());
    assertEquals("Huo 2025", study("huo2025_ucmsc_t2dm_case").label());
  }

  @Test
  void studyRecordsCarryTheBibliographicDataAsTranscribed() {
    Study nada = study("nada2025_ucmsc_meta");
    assertEquals("10.1080/17446651.2025.2457474", nada.doi());
    assertEquals("39905688", nada.pmid());
    assertEquals("Expert Review of Endocrinology & Metabolism", nada.journal());
    Study hu = study("hu2013_wjmsc_t1d");
    assertEquals("Hu J X, Wang Y", hu.authors());
    assertEquals(2013, hu.year());
    assertEquals("China", hu.country());
    assertTrue(hu.notes().contains("follow-up 21 vs 24 months"), "conflict kept in notes");
    assertNull(study("plagh_ahsct_predictors_t1d").year(), "year not printed stays empty");
    assertTrue(
        study("weifang2015_ucmsc_t2dm")
            .notes()
            .contains("Possible duplicate of (unconfirmed): d004r148_china_ucmsc_t2dm"));
  }

  /** Fields whose value is one studies.csv column copied unchanged. */
  @ParameterizedTest
  @CsvSource({
    "design, design",
    "country, country",
    "institution, institution_en",
    "year, year",
    "follow_up, follow_up_months",
    "primary_endpoint, primary_endpoint",
    "diabetes_type, diabetes_type",
    "n_total, n_total",
    "n_treated, n_treated",
    "n_control, n_control",
    "age, age",
    "bmi, bmi",
    "disease_duration, disease_duration",
    "cell_type, cell_type",
    "allo_auto, allogeneic_or_autologous",
    "cell_dose, cell_dose",
    "dose_per_kg, dose_per_kg",
    "dose_per_kg_max, dose_per_kg_max",
    "n_infusions, n_infusions",
    "schedule, schedule",
    "route, route",
    "key_findings, key_findings",
    "safety, safety"
  })
  void fieldValuesAreTheCsvCellsExactlyAndEmptyCellsStayEmpty(String field, String column) {
    long fieldId = field(field).id();
    for (Map<String, String> r : studiesCsv) {
      long sid = study(r.get("id")).id();
      boolean stored =
          data.values().stream().anyMatch(v -> v.studyId() == sid && v.fieldId() == fieldId);
      assertEquals(!r.get(column).isEmpty(), stored, r.get("id") + " / " + field);
      var v =
          data.values().stream()
              .filter(x -> x.studyId() == sid && x.fieldId() == fieldId)
              .findFirst();
      String[] split = StemCellSampleBuilder.splitLanguages(r.get(column));
      if (StemCellSampleBuilder.SPLIT_FIELDS.contains(field) && split != null) {
        // "中文 (English)" is stored as its two texts
        assertEquals(split[0], v.get().value(), r.get("id") + " / " + field);
        assertEquals(split[1], v.get().valueZh(), r.get("id") + " / " + field);
        assertTrue(
            r.get(column).equals(split[1] + " (" + split[0] + ")")
                || r.get(column).equals(split[0] + " (" + split[1] + ")"),
            "nothing lost: " + r.get(column));
      } else {
        assertEquals(r.get(column), data.value(sid, field), r.get("id") + " / " + field);
      }
    }
  }

  @Test
  void everyOutcomeHasAChineseName() {
    for (var o : data.outcomes()) {
      assertFalse(o.nameZh().isEmpty(), o.name());
      assertEquals(StemCellSampleBuilder.NAMES_ZH.get(o.name()), o.nameZh());
    }
  }

  @Test
  void aTextInBothLanguagesIsSplitOnlyWhenOneSideIsChinese() {
    assertArrayEquals(
        new String[] {"exogenous insulin dose", "外源性胰岛素用量"},
        StemCellSampleBuilder.splitLanguages("外源性胰岛素用量 (exogenous insulin dose)"));
    assertArrayEquals(
        new String[] {"once monthly x3", "每月静脉输注1次, 连续3次"},
        StemCellSampleBuilder.splitLanguages("once monthly x3 (每月静脉输注1次, 连续3次)"));
    assertNull(StemCellSampleBuilder.splitLanguages("IV (cubital vein)"));
    assertNull(StemCellSampleBuilder.splitLanguages("静脉 (静脉注射)"));
    assertNull(StemCellSampleBuilder.splitLanguages("a (b) (c)"));
    long authors = field("authors_first_corresponding").id();
    long yao = study("yao2022_islet_pbsc_t1d").id();
    var v =
        data.values().stream()
            .filter(x -> x.studyId() == yao && x.fieldId() == authors)
            .findFirst()
            .orElseThrow();
    assertEquals("Yao Yutong", v.value());
    assertEquals("姚豫桐", v.valueZh());
  }

  /**
   * Text fields are bilingual (ADR 0123): the institution's Chinese text is the one printed, its
   * English one the transcriber's; country, and a few designs and routes, have the Chinese from
   * translations.csv; other texts have no Chinese text (the grid marks them).
   */
  @Test
  void textFieldsCarryTheChineseTextWhereTheSourcesGiveIt() {
    long institution = field("institution").id();
    long country = field("country").id();
    long keyFindings = field("key_findings").id();
    for (Map<String, String> r : studiesCsv) {
      long sid = study(r.get("id")).id();
      var inst =
          data.values().stream()
              .filter(v -> v.studyId() == sid && v.fieldId() == institution)
              .findFirst();
      assertEquals(r.get("institution"), inst.map(v -> v.valueZh()).orElse(""), r.get("id"));
      assertEquals(r.get("institution_en"), inst.map(v -> v.value()).orElse(""), r.get("id"));
    }
    var yao = study("yao2022_islet_pbsc_t1d").id();
    var zh =
        data.values().stream()
            .filter(v -> v.studyId() == yao && v.fieldId() == country)
            .findFirst()
            .orElseThrow();
    assertEquals("China", zh.value());
    assertEquals("中国", zh.valueZh());
    assertTrue(
        data.values().stream()
            .filter(v -> v.fieldId() == keyFindings)
            .allMatch(v -> v.valueZh().isEmpty() && v.missing("zh")),
        "English summaries have no Chinese text");
    assertTrue(
        data.values().stream()
            .filter(v -> v.fieldId() == country && !v.value().isEmpty())
            .allMatch(v -> !v.valueZh().isEmpty()),
        "every country has its Chinese name");
  }

  @Test
  void numericAndChoiceFieldsHoldOnlyCleanValues() {
    for (CharacteristicField f : data.fields()) {
      for (var v : data.values()) {
        if (v.fieldId() != f.id()) {
          continue;
        }
        switch (f.type()) {
          case INTEGER -> assertTrue(v.value().matches("\\d+"), f.key() + ": " + v.value());
          case DECIMAL -> assertTrue(CellText.of(v.value()).number().isPresent(), f.key());
          case CHOICE -> assertTrue(f.choices().contains(v.value()), f.key() + ": " + v.value());
          default -> {}
        }
      }
    }
    assertEquals(FieldType.TEXT, field("n_treated").type(), "'14 (BM-MSC 4; UC-MSC 10)' is text");
  }

  @Test
  void fieldsHaveBothLabelsAndTwoLevelGroups() {
    for (CharacteristicField f : data.fields()) {
      assertFalse(f.labelEn().isEmpty(), f.key());
      assertFalse(f.labelZh().isEmpty(), f.key());
      assertFalse(f.groupEn().isEmpty(), f.key());
      assertFalse(f.groupZh().isEmpty(), f.key());
    }
    assertEquals("干细胞", field("cell_type").groupZh());
    assertEquals("Participants", field("age").groupEn());
    assertEquals("Study", field("institution").groupEn());
  }

  @Test
  void valueProvenanceNamesTheSourceAndQuotesThePrintedWording() {
    long hu = study("hu2013_wjmsc_t1d").id();
    var route =
        data.values().stream()
            .filter(v -> v.studyId() == hu && v.fieldId() == field("route").id())
            .findFirst()
            .orElseThrow();
    assertEquals("静脉输注 (002); 静脉注射 (004)", route.provenance().quote());
    assertTrue(route.provenance().location().startsWith("002 Table 1 row 4"));
    for (var v : data.values()) {
      assertFalse(v.provenance().location().isEmpty(), "every value has a location");
      assertTrue(v.provenance().source() != null);
    }
  }

  @Test
  void huHasItsPrintedCharacteristicsAndDkaCounts() {
    long hu = study("hu2013_wjmsc_t1d").id();
    assertEquals("29", data.value(hu, "n_total"));
    assertEquals("15", data.value(hu, "n_treated"));
    assertEquals("14", data.value(hu, "n_control"));
    assertEquals("17.6 ± 8.7", data.value(hu, "age"));
    assertEquals("20.9 ± 3.7", data.value(hu, "bmi"));
    assertEquals("4", data.value(hu, "table1_row_002"));
    assertEquals("30", data.value(hu, "ref_004"));
    assertTrue(
        data.value(hu, "follow_up").contains("21") && data.value(hu, "follow_up").contains("24"));
    assertEquals("0/15", dich("hu2013_wjmsc_t1d", "Diabetic ketoacidosis", "WJ-MSC", 24));
    assertEquals("3/14", dich("hu2013_wjmsc_t1d", "Diabetic ketoacidosis", "placebo", 24));
  }

  @Test
  void yaoInsulinIndependenceIsStoredByArmAndTimeAsInTheCsv() {
    Map<String, String> armLabel =
        Map.of("islet_alone", "islet alone", "islet_plus_pbsc", "islet + PBSC");
    int checked = 0;
    for (Map<String, String> r : outcomesCsv) {
      if (r.get("study_id").equals("yao2022_islet_pbsc_t1d")
          && r.get("outcome").equals("insulin_independent")
          && armLabel.containsKey(r.get("arm"))) {
        String[] et =
            dich(
                    "yao2022_islet_pbsc_t1d",
                    "Insulin independence",
                    armLabel.get(r.get("arm")),
                    Double.parseDouble(r.get("timepoint_months")))
                .split("/");
        assertEquals(r.get("value"), r.get("value_type").equals("events") ? et[0] : et[1]);
        checked++;
      }
    }
    assertEquals(8, checked);
    // seed 000 L27: at 36 months 2 (islet alone) and 3 (islet + PBSC) of 5 each were off insulin
    assertEquals("2/5", dich("yao2022_islet_pbsc_t1d", "Insulin independence", "islet alone", 36));
    assertEquals("3/5", dich("yao2022_islet_pbsc_t1d", "Insulin independence", "islet + PBSC", 36));
    assertTrue(
        study("yao2022_islet_pbsc_t1d").notes().contains("insulin_independent [all; time 36"),
        "the pooled 6/10 summary is kept in the notes, not as an arm");
  }

  @Test
  void yaoHasTwoArmsAndPerPatientResultsAreNotArms() {
    List<Arm> arms = data.armsOf(study("yao2022_islet_pbsc_t1d").id());
    assertEquals(List.of("islet + PBSC", "islet alone"), arms.stream().map(Arm::label).toList());
    assertEquals(
        List.of(ArmRole.EXPERIMENTAL, ArmRole.CONTROL), arms.stream().map(Arm::role).toList());
    assertTrue(
        study("yao2022_islet_pbsc_t1d").notes().contains("urine_protein_g_24h [per patient"));
  }

  @Test
  void everyMeasurementHasAQuoteWhoseNumbersItCarries() {
    assertFalse(data.measurements().isEmpty());
    for (Measurement m : data.measurements()) {
      String q = m.provenance().quote();
      String where = data.studiesById().get(m.studyId()).label();
      assertFalse(q.isBlank(), where + ": quote");
      assertFalse(m.provenance().location().isBlank(), where + ": location");
      for (CellText c :
          List.of(
              m.events(),
              m.total(),
              m.mean(),
              m.sd(),
              m.reported().min(),
              m.reported().max(),
              m.reported().percentChange())) {
        String digits = c.text().replaceFirst("^[+-]", "");
        if (digits.isEmpty() || (digits.equals("0") && q.contains("没有"))) {
          continue;
        }
        assertTrue(q.contains(digits), where + ": '" + digits + "' not in quote " + q);
      }
    }
  }

  @Test
  void aGroupValueWithoutANamedStatisticIsAMeanMarkedAsSuchWithTheSizeItsSentencePrints() {
    // seed 002 L550-555: "治疗22例2型糖尿病患者, 结果显示治疗后患者HbA1c从基线的8.2%下降至3月后的6.89%,
    // 随访至12月时HbA1c仍稳定在7.0%"
    String wujing = "wujing2014_wjmsc_t2dm";
    List<String> series = new ArrayList<>();
    for (double t : new double[] {0, 3, 12}) {
      Measurement m = measurement(wujing, "HbA1c", "cell therapy", t).orElseThrow();
      series.add(m.n() + ":" + m.mean());
      assertTrue(m.isDerived(), "derivation names the judgement");
      assertTrue(m.provenance().note().contains("number analysed is not stated"));
    }
    assertEquals(List.of("22:8.2", "22:6.89", "22:7.0"), series);
    // a case report's single value: n = 1
    Measurement huo =
        measurement("huo2025_ucmsc_t2dm_case", "HbA1c", "cell therapy", 0).orElseThrow();
    assertEquals("1:8.5", huo.n() + ":" + huo.mean());
    assertFalse(huo.isDerived());
  }

  @Test
  void valuesTheSourcesDoNotGiveStayEmpty() {
    // Cai 2016: "HbA1c试验组下降了12.%" lost a digit; the CSV value is empty and so is the cell.
    Measurement cai =
        measurement("cai2016_ucmsc_bmmnc_t1d", "HbA1c", "UC-MSC + BM-MNC", 12).orElseThrow();
    assertTrue(cai.reported().percentChange().isEmpty());
    assertTrue(cai.mean().isEmpty() && cai.n().isEmpty());
    assertTrue(cai.provenance().note().contains("GARBLED"));
    // its control arm size is not printed
    Arm control = data.armsOf(study("cai2016_ucmsc_bmmnc_t1d").id()).get(1);
    assertNull(control.randomised());
    // Yao's Figures 2a-c are described but their values are not in the seed
    long yao = study("yao2022_islet_pbsc_t1d").id();
    assertTrue(
        data.measurements().stream()
            .filter(m -> m.studyId() == yao)
            .allMatch(
                m -> m.outcomeId() == data.outcome("Insulin independence").orElseThrow().id()));
    // no SD is printed for any outcome in the seeds
    assertTrue(data.measurements().stream().allMatch(m -> m.sd().isEmpty()));
    assertEquals("", data.value(study("voltarelli2010_hsct_t1d").id(), "age"));
  }

  @Test
  void everyOutcomeRowIsStoredOrListedInItsStudysNotes() {
    int stored = 0;
    for (Map<String, String> r : outcomesCsv) {
      Study s = study(r.get("study_id"));
      boolean inNotes = s.notes().contains(r.get("outcome") + " [");
      boolean asMeasurement =
          data.measurements().stream()
              .anyMatch(
                  m -> m.studyId() == s.id() && m.provenance().quote().contains(r.get("quote")));
      assertTrue(inNotes || asMeasurement, r.toString());
      stored += inNotes ? 0 : 1;
    }
    assertTrue(stored > 0);
  }

  @Test
  void outcomesHaveTimePointsFromNumericMonthsOnly() {
    assertEquals(OutcomeKind.DICHOTOMOUS, data.outcome("Insulin independence").get().kind());
    assertEquals("%", data.outcome("HbA1c").get().unit());
    assertTrue(data.outcome("HbA1c").get().lowerIsBetter());
    for (TimePoint t : data.timePoints()) {
      assertTrue(t.months() >= 0 && t.months() == Math.rint(t.months()), t.toString());
    }
    List<Double> hba1c =
        data.timePointsOf(data.outcome("HbA1c").get().id()).stream()
            .map(TimePoint::months)
            .toList();
    assertEquals(List.of(0.0, 3.0, 12.0), hba1c);
    // Vertex's results are at "follow-up over 1 year" (>12): no single time point, so in the notes
    Study vertex = study("vertex2025_zimislecel_forward101");
    assertTrue(data.measurements().stream().noneMatch(m -> m.studyId() == vertex.id()));
    assertTrue(vertex.notes().contains("time point '>12' is not a single time point"));
    // every outcome holds data
    for (Outcome o : data.outcomes()) {
      assertTrue(data.measurements().stream().anyMatch(m -> m.outcomeId() == o.id()), o.name());
    }
  }

  @Test
  void armsFollowTheMappingAndTheirSizesAreThePrintedOnes() {
    Map<String, Map<String, String>> byId =
        studiesCsv.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));
    for (Map<String, String> a : SampleSources.read("mapping/arms.csv")) {
      Arm arm =
          data.armsOf(study(a.get("study_id")).id()).stream()
              .filter(x -> x.label().equals(a.get("label")))
              .findFirst()
              .orElseThrow();
      String from = a.get("randomised_from");
      Map<String, String> s = byId.get(a.get("study_id"));
      if (from.isEmpty()) {
        assertNull(arm.randomised(), a.toString());
      } else if (!from.contains(":")) {
        assertEquals(s.get(from), String.valueOf(arm.randomised()), a.toString());
      } else {
        String column = from.substring(0, from.indexOf(':'));
        String printed = from.substring(from.indexOf(':') + 1).strip();
        assertTrue(s.get(column).contains(printed), a.toString());
        assertTrue(printed.matches(".*\\D" + arm.randomised() + "\\D.*"), a.toString());
      }
    }
    for (Study s : data.studies()) {
      List<Arm> arms = data.armsOf(s.id());
      assertEquals(s.status() == StudyStatus.INCLUDED, !arms.isEmpty(), s.key());
      if (!arms.isEmpty()) {
        assertTrue(arms.stream().anyMatch(a -> a.role() == ArmRole.EXPERIMENTAL), s.key());
      }
    }
  }

  @Test
  void theInsulinIndependenceAnalysisRunsOnTheOneStudyWithTwoArmsAt12Months() {
    assertEquals(
        List.of(SampleAnalyses.STEM_CELL_INSULIN_12),
        data.analyses().stream().map(org.ewb.model.SavedAnalysis::name).toList());
    org.ewb.logic.meta.AnalysisSettings s =
        org.ewb.logic.meta.AnalysisSettings.of(data.analyses().get(0));
    org.ewb.logic.meta.StudyTable t =
        org.ewb.logic.meta.ProjectAnalysisInput.build(data, s.outcome(), s.months());
    org.ewb.logic.meta.AnalysisOutcome o =
        org.ewb.logic.meta.MetaAnalysisRunner.run(t, s.options(t.kind()));
    // Yao 2022 (seed 000 case 1): 3/5 insulin independent at 12 months in each arm, so RR = 1
    assertEquals(1, o.effectSizes().stream().filter(e -> e.included()).count());
    assertEquals("Yao 2022", o.effectSizes().get(0).label());
    assertEquals(0.0, o.effectSizes().get(0).yi(), 1e-12);
  }

  @Test
  void layoutsReproduceTheColumnsOfSeed002Table1AndSeed004Table2() {
    TableLayout t1 = layout(SampleLayouts.SEED_002);
    assertEquals("我国干细胞治疗1型糖尿病临床试验总结", t1.titleZh());
    // the table's own row number chooses and numbers the rows instead of being a column
    assertEquals("table1_row_002", t1.rowFieldKey());
    assertFalse(t1.fieldKeys().contains("table1_row_002"));
    assertEquals(11, t1.fieldKeys().size());
    TableLayout t2 = layout(SampleLayouts.SEED_004);
    assertEquals("table2_row_004", t2.rowFieldKey());
    assertEquals(13, t2.fieldKeys().size());
    assertEquals("ref_004", t2.fieldKeys().get(0));
    Set<String> keys =
        data.fields().stream().map(CharacteristicField::key).collect(Collectors.toSet());
    assertTrue(keys.containsAll(t1.fieldKeys()) && keys.containsAll(t2.fieldKeys()));
    assertFalse(t1.footnoteEn().isEmpty() || t1.footnoteZh().isEmpty());
    // 002 表1 rows 1-5 and their "受试者数量" column as printed (seed 002 L583-660)
    List<String> rows = new ArrayList<>();
    for (Study s : data.studies()) {
      String no = data.value(s.id(), "table1_row_002");
      if (!no.isEmpty()) {
        rows.add(no + ":" + s.label() + ":" + data.value(s.id(), "n_participants"));
      }
    }
    assertEquals(
        List.of("1:Li 2012:13", "2:Gu 2012:28", "3:Zhao 2012:15", "4:Hu 2013:29", "5:Cai 2016:42"),
        rows);
    Set<String> refs = new TreeSet<>();
    data.studies()
        .forEach(
            s -> {
              String ref = data.value(s.id(), "ref_004");
              if (!ref.isEmpty()) {
                refs.add(ref);
              }
            });
    assertEquals(
        new TreeSet<>(
            List.of(
                "145", "30", "146", "147", "148", "160", "149", "32", "150", "151", "152", "153",
                "155", "156", "157", "158", "159", "85")),
        refs);
    // seed 004 Table 2's printed row order (seed 004 L156-L348) is not its reference order
    List<String> printed = new ArrayList<>(Collections.nCopies(18, ""));
    for (Study s : data.studies()) {
      String row = data.value(s.id(), "table2_row_004");
      if (!row.isEmpty()) {
        printed.set(Integer.parseInt(row) - 1, data.value(s.id(), "ref_004"));
      }
    }
    assertEquals(
        List.of(
            "145", "30", "146", "147", "148", "160", "149", "32", "150", "151", "152", "153", "155",
            "156", "157", "158", "159", "85"),
        printed);
  }

  @Test
  void aBadMappingFailsNamingFileAndLineAndWritesNothing(@TempDir Path tmp) throws IOException {
    copyTree(SampleSources.sources(), tmp);
    Path arms = tmp.resolve("mapping/arms.csv");
    Files.writeString(
        arms,
        Files.readString(arms).replace(",CONTROL,placebo (安慰剂对照)", ",COMPARATOR,placebo (安慰剂对照)"));
    InMemoryProjectRepository repo = new InMemoryProjectRepository();
    WorkbenchException e =
        assertThrows(WorkbenchException.class, () -> new StemCellSampleBuilder(tmp).build(repo));
    assertTrue(e.getMessage().contains("arms.csv record on line 13"), e.getMessage());
    assertTrue(e.getMessage().contains("role 'COMPARATOR'"), e.getMessage());
    assertTrue(repo.snapshot().studies().isEmpty());
  }

  @Test
  void aMissingSourceIsReportedByName(@TempDir Path tmp) {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () -> new StemCellSampleBuilder(tmp).build(new InMemoryProjectRepository()));
    assertEquals(WorkbenchException.Kind.FILE, e.kind());
    assertTrue(e.getMessage().contains("studies.csv"), e.getMessage());
  }

  // ------------------------------------------------------------------ helpers

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static Study study(String key) {
    return data.studies().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  private static CharacteristicField field(String key) {
    return data.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }

  private static TableLayout layout(String name) {
    return data.layouts().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  private static Optional<Measurement> measurement(
      String studyKey, String outcome, String arm, double months) {
    Study s = study(studyKey);
    long oid = data.outcome(outcome).orElseThrow().id();
    long aid =
        data.armsOf(s.id()).stream()
            .filter(a -> a.label().equals(arm))
            .findFirst()
            .orElseThrow()
            .id();
    long tid =
        data.timePointsOf(oid).stream()
            .filter(t -> t.months() == months)
            .findFirst()
            .orElseThrow()
            .id();
    return data.measurements().stream()
        .filter(
            m ->
                m.studyId() == s.id()
                    && m.outcomeId() == oid
                    && m.armId() == aid
                    && m.timePointId() == tid)
        .findFirst();
  }

  private static String dich(String studyKey, String outcome, String arm, double months) {
    Measurement m = measurement(studyKey, outcome, arm, months).orElseThrow();
    return m.events() + "/" + m.total();
  }
}
