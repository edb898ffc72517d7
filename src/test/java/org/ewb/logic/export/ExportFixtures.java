package org.ewb.logic.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.ewb.model.Provenance;
import org.ewb.model.ReportedForm;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;

/**
 * In-memory projects for the export tests. The characteristics are seed 002's 表1 (rows 1-5, as
 * transcribed in sample-projects/sources/seed-data/studies.csv); the outcome numbers are made up
 * for the tests and are not from any study.
 */
public final class ExportFixtures {

  private ExportFixtures() {}

  static final String[][] TABLE1 = {
    // key, label, authors, year, design, n, cell, dose, infusions, route, follow-up, endpoint, inst
    {
      "li2012_ahsct_t1d",
      "Li 2012",
      "Li L R, Zhu D L",
      "2012",
      "开放、前瞻",
      "13",
      "AHSCT",
      "2.05×10⁶~9.60×10⁶/kg",
      "1",
      "静脉输注",
      "42个月",
      "HbA1c, C肽、自身抗体",
      "南京医科大学鼓楼医院"
    },
    {
      "gu2012_ahsct_t1d",
      "Gu 2012",
      "Gu W Q, Ning G",
      "2012",
      "开放、前瞻",
      "28",
      "AHSCT",
      "−",
      "1",
      "静脉输注",
      "24个月",
      "外源性胰岛素用量",
      "上海交通大学瑞金医院"
    },
    {
      "zhao2012_educator_t1d",
      "Zhao 2012",
      "Zhao Y",
      "2012",
      "开放、前瞻",
      "15",
      "干细胞教育器",
      "−",
      "1",
      "教育器",
      "24周",
      "空腹及胰岛素刺激后C肽",
      "University of Illinois Chicago"
    },
    {
      "hu2013_wjmsc_t1d",
      "Hu 2013",
      "Hu J X, Wang Y",
      "2013",
      "随机、双盲",
      "29",
      "WJ-MSC",
      "−",
      "2",
      "静脉输注",
      "21个月",
      "空腹及餐后C肽",
      "青岛大学医学院"
    },
    {
      "cai2016_ucmsc_bmmnc_t1d",
      "Cai 2016",
      "Cai J, Tan J",
      "2016",
      "随机、对照",
      "42",
      "UC-MSCs\nBM-MNC (bone marrow mononuclear cells)",
      "1.1×10⁶/kg\n106.8×10⁶/kg",
      "2",
      "胰腺上动脉",
      "12个月",
      "C肽曲线下面积",
      "厦门大学福州总医院"
    },
  };

  /** Fields: key, en, zh, type, unit, groupEn, groupZh. */
  static final String[][] FIELDS = {
    {"design", "Study type", "研究类型", "TEXT", "", "", ""},
    {"n_total", "Participants", "受试者数量", "INTEGER", "", "", ""},
    {"cell_type", "Cell type", "细胞种类", "TEXT", "", "Intervention", "干预措施"},
    {"cell_dose", "Cell dose", "细胞数量", "TEXT", "", "Intervention", "干预措施"},
    {"n_infusions", "Infusions", "输注次数", "INTEGER", "", "Intervention", "干预措施"},
    {"route", "Route", "输注方式", "TEXT", "", "Intervention", "干预措施"},
    {"follow_up", "Follow-up", "随访时间", "TEXT", "", "", ""},
    {"primary_endpoint", "Primary endpoint", "主要终点", "TEXT", "", "", ""},
    {"institution", "Institution", "作者单位", "TEXT", "", "Publication", "发表信息"},
    {"bmi", "BMI", "体重指数", "DECIMAL", "kg/m²", "", ""},
  };

  public static ProjectData seed002() {
    return seed002(List.of());
  }

  public static ProjectData seed002(List<SavedAnalysis> analyses) {
    List<Study> studies = new ArrayList<>();
    List<CharacteristicField> fields = new ArrayList<>();
    List<CharacteristicValue> values = new ArrayList<>();
    for (int i = 0; i < FIELDS.length; i++) {
      String[] f = FIELDS[i];
      fields.add(
          new CharacteristicField(
              100 + i, f[0], f[1], f[2], FieldType.valueOf(f[3]), f[4], List.of(), f[5], f[6], i));
    }
    // stored out of display order, plus an excluded study, to check order and filtering
    int[] order = {2, 0, 4, 1, 3};
    for (int k : order) {
      String[] r = TABLE1[k];
      long id = k + 1;
      studies.add(
          new Study(
              id,
              r[0],
              r[1],
              r[2],
              Integer.valueOf(r[3]),
              "",
              "",
              "",
              "",
              "",
              "China",
              "",
              "",
              StudyStatus.INCLUDED,
              k));
      String[] v = {r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12]};
      for (int j = 0; j < v.length; j++) {
        values.add(new CharacteristicValue(id, 100 + j, v[j], Provenance.NONE));
      }
    }
    values.add(new CharacteristicValue(1, 109, "22.06", Provenance.NONE));
    values.add(new CharacteristicValue(2, 109, "≈23", Provenance.NONE));
    studies.add(
        new Study(
            99,
            "excluded2015",
            "Excluded 2015",
            "X",
            2015,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            StudyStatus.EXCLUDED,
            5));
    values.add(new CharacteristicValue(99, 100, "病例报告", Provenance.NONE));

    List<TableLayout> layouts =
        List.of(
            new TableLayout(
                1,
                "Seed 002 表1",
                "Stem-cell trials for type 1 diabetes in China",
                "表1 我国干细胞治疗1型糖尿病临床试验总结",
                List.of(
                    "design",
                    "n_total",
                    "cell_type",
                    "cell_dose",
                    "n_infusions",
                    "route",
                    "follow_up",
                    "primary_endpoint",
                    "study.authors",
                    "institution",
                    "study.year"),
                "",
                ""),
            new TableLayout(
                2,
                "Short",
                "Short table",
                "",
                List.of("study.label", "n_total", "bmi"),
                "ND, not determined.",
                "ND：未确定。"));

    // outcomes: one continuous with two time points, one dichotomous, one generic
    List<Arm> arms = new ArrayList<>();
    List<Outcome> outcomes =
        List.of(
            new Outcome(1, "HbA1c", OutcomeKind.CONTINUOUS, "%", true, 0),
            new Outcome(2, "Insulin independence", OutcomeKind.DICHOTOMOUS, "", false, 1),
            new Outcome(3, "Fasting C-peptide", OutcomeKind.GENERIC, "ng/mL", false, 2));
    List<TimePoint> tps =
        List.of(
            new TimePoint(11, 1, 0, "Baseline"), new TimePoint(12, 1, 12, "12 months"),
            new TimePoint(21, 2, 12, "12 months"), new TimePoint(31, 3, 6, "6 months"));
    List<Measurement> ms = new ArrayList<>();
    List<GenericEstimate> ge = new ArrayList<>();
    long armId = 1000;
    for (int k = 0; k < TABLE1.length; k++) {
      long sid = k + 1;
      long exp = ++armId;
      long ctl = ++armId;
      arms.add(new Arm(exp, sid, "MSC", ArmRole.EXPERIMENTAL, "cells", 10 + k, 0));
      arms.add(new Arm(ctl, sid, "对照组", ArmRole.CONTROL, "insulin", 9 + k, 1));
      ms.add(
          Measurement.continuous(
              sid,
              1,
              exp,
              11,
              CellText.of(Integer.toString(10 + k)),
              CellText.of("8." + k),
              CellText.of("1.2" + k),
              Provenance.NONE));
      ms.add(
          Measurement.continuous(
              sid,
              1,
              ctl,
              11,
              CellText.of(Integer.toString(9 + k)),
              CellText.of("8.1" + k),
              CellText.of("1.1"),
              Provenance.NONE));
      ms.add(
          Measurement.continuous(
              sid,
              1,
              exp,
              12,
              CellText.of(Integer.toString(10 + k)),
              CellText.of("7.0" + k),
              CellText.of("0.9"),
              Provenance.NONE));
      ms.add(
          Measurement.continuous(
              sid,
              1,
              ctl,
              12,
              CellText.of(Integer.toString(9 + k)),
              CellText.of("-0.5"),
              CellText.of(k == 3 ? "12,5a" : "1.0"),
              Provenance.NONE));
      ms.add(
          Measurement.dichotomous(
              sid,
              2,
              exp,
              21,
              CellText.of(Integer.toString(k)),
              CellText.of(Integer.toString(10 + k)),
              Provenance.NONE));
      ms.add(
          Measurement.dichotomous(
              sid,
              2,
              ctl,
              21,
              CellText.of("0"),
              CellText.of(Integer.toString(9 + k)),
              Provenance.NONE));
      ge.add(
          new GenericEstimate(
              0, sid, 3, 31, CellText.of("0.3" + k), CellText.of("0.1"), "MD", Provenance.NONE));
    }
    // study 2's 12-month experimental-arm mean and SD were derived from a median and IQR
    for (int i = 0; i < ms.size(); i++) {
      Measurement m = ms.get(i);
      if (m.studyId() == 2 && m.timePointId() == 12 && m.armId() == 1003) {
        ms.set(
            i,
            new Measurement(
                0,
                2,
                1,
                1003,
                12,
                m.n(),
                CellText.of("7.25"),
                CellText.of("0.84"),
                null,
                null,
                new ReportedForm(
                    null,
                    null,
                    null,
                    CellText.of("7.2"),
                    CellText.of("6.6"),
                    CellText.of("7.8"),
                    null,
                    null,
                    null),
                "median/IQR (Wan 2014)",
                Provenance.NONE));
      }
    }
    Project p = new Project("Stem cells for diabetes", "", "", Instant.EPOCH, Instant.EPOCH, 1);
    return new ProjectData(
        p, studies, fields, values, arms, outcomes, tps, ms, ge, layouts, analyses);
  }
}
