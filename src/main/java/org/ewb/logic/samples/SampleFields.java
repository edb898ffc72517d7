package org.ewb.logic.samples;

import java.util.List;
import org.ewb.model.CharacteristicField;
import org.ewb.model.FieldType;

/**
 * The characteristic fields of the stem-cell sample: key, English and Chinese label, type, unit and
 * two-level heading group, in display order. Numeric types only where every value in {@code
 * studies.csv} is a clean number (the builder checks this and fails otherwise).
 */
final class SampleFields {

  private SampleFields() {}

  static final String STUDY_EN = "Study";
  static final String STUDY_ZH = "研究";
  static final String PARTICIPANTS_EN = "Participants";
  static final String PARTICIPANTS_ZH = "患者";
  static final String CELLS_EN = "Cells";
  static final String CELLS_ZH = "干细胞";
  static final String SUMMARY_EN = "Summary";
  static final String SUMMARY_ZH = "结果摘要";

  static List<CharacteristicField> all() {
    int[] order = {0};
    return List.of(
        f(
            order,
            "table1_row_002",
            "No. (seed 002 Table 1)",
            "序号（002 表1）",
            FieldType.INTEGER,
            "",
            List.of(),
            STUDY_EN,
            STUDY_ZH),
        f(
            order,
            "ref_004",
            "Ref. (seed 004 Table 2)",
            "参考文献（004 表2）",
            FieldType.INTEGER,
            "",
            List.of(),
            STUDY_EN,
            STUDY_ZH),
        f(
            order,
            "table2_row_004",
            "Row (seed 004 Table 2)",
            "行号（004 表2）",
            FieldType.INTEGER,
            "",
            List.of(),
            STUDY_EN,
            STUDY_ZH),
        f(order, "design", "Design", "研究类型", FieldType.TEXT, "", List.of(), STUDY_EN, STUDY_ZH),
        f(order, "country", "Country", "国家", FieldType.TEXT, "", List.of(), STUDY_EN, STUDY_ZH),
        f(
            order,
            "institution",
            "Institution",
            "作者单位",
            FieldType.TEXT,
            "",
            List.of(),
            STUDY_EN,
            STUDY_ZH),
        f(
            order,
            "authors_first_corresponding",
            "Authors (first, corresponding)",
            "作者及通讯作者",
            FieldType.TEXT,
            "",
            List.of(),
            STUDY_EN,
            STUDY_ZH),
        f(order, "year", "Year", "发表时间", FieldType.INTEGER, "", List.of(), STUDY_EN, STUDY_ZH),
        f(
            order,
            "follow_up",
            "Follow-up",
            "随访时间",
            FieldType.TEXT,
            "months",
            List.of(),
            STUDY_EN,
            STUDY_ZH),
        f(
            order,
            "primary_endpoint",
            "Primary endpoint",
            "主要终点",
            FieldType.TEXT,
            "",
            List.of(),
            STUDY_EN,
            STUDY_ZH),
        f(
            order,
            "diabetes_type",
            "Diabetes type",
            "糖尿病类型",
            FieldType.CHOICE,
            "",
            List.of("T1DM", "T2DM", "both"),
            PARTICIPANTS_EN,
            PARTICIPANTS_ZH),
        f(
            order,
            "n_participants",
            "Participants (N)",
            "受试者数量",
            FieldType.INTEGER,
            "",
            List.of(),
            PARTICIPANTS_EN,
            PARTICIPANTS_ZH),
        f(
            order,
            "n_total",
            "N total (randomised)",
            "总例数",
            FieldType.INTEGER,
            "",
            List.of(),
            PARTICIPANTS_EN,
            PARTICIPANTS_ZH),
        f(
            order,
            "n_treated",
            "N treated with cells",
            "细胞治疗例数",
            FieldType.TEXT,
            "",
            List.of(),
            PARTICIPANTS_EN,
            PARTICIPANTS_ZH),
        f(
            order,
            "n_control",
            "N control",
            "对照例数",
            FieldType.INTEGER,
            "",
            List.of(),
            PARTICIPANTS_EN,
            PARTICIPANTS_ZH),
        f(
            order,
            "age",
            "Age",
            "年龄",
            FieldType.TEXT,
            "years",
            List.of(),
            PARTICIPANTS_EN,
            PARTICIPANTS_ZH),
        f(
            order,
            "bmi",
            "BMI",
            "体重指数",
            FieldType.TEXT,
            "kg/m²",
            List.of(),
            PARTICIPANTS_EN,
            PARTICIPANTS_ZH),
        f(
            order,
            "disease_duration",
            "Diabetes duration",
            "病程",
            FieldType.TEXT,
            "",
            List.of(),
            PARTICIPANTS_EN,
            PARTICIPANTS_ZH),
        f(
            order,
            "cell_type",
            "Cell type",
            "细胞种类",
            FieldType.TEXT,
            "",
            List.of(),
            CELLS_EN,
            CELLS_ZH),
        f(
            order,
            "allo_auto",
            "Allogeneic / autologous",
            "同种异体/自体",
            FieldType.TEXT,
            "",
            List.of(),
            CELLS_EN,
            CELLS_ZH),
        f(
            order,
            "cell_dose",
            "Cell dose (as printed)",
            "细胞数量",
            FieldType.TEXT,
            "",
            List.of(),
            CELLS_EN,
            CELLS_ZH),
        f(
            order,
            "dose_per_kg",
            "Dose per kg",
            "每公斤细胞数",
            FieldType.DECIMAL,
            "cells/kg",
            List.of(),
            CELLS_EN,
            CELLS_ZH),
        f(
            order,
            "dose_per_kg_max",
            "Dose per kg (upper end of range)",
            "每公斤细胞数（上限）",
            FieldType.DECIMAL,
            "cells/kg",
            List.of(),
            CELLS_EN,
            CELLS_ZH),
        f(
            order,
            "n_infusions",
            "Infusions",
            "输注次数",
            FieldType.TEXT,
            "",
            List.of(),
            CELLS_EN,
            CELLS_ZH),
        f(order, "schedule", "Schedule", "给药间隔", FieldType.TEXT, "", List.of(), CELLS_EN, CELLS_ZH),
        f(order, "route", "Route", "输注方式", FieldType.TEXT, "", List.of(), CELLS_EN, CELLS_ZH),
        f(
            order,
            "key_findings",
            "Key findings",
            "主要结果",
            FieldType.TEXT,
            "",
            List.of(),
            SUMMARY_EN,
            SUMMARY_ZH),
        f(order, "safety", "Safety", "安全性", FieldType.TEXT, "", List.of(), SUMMARY_EN, SUMMARY_ZH));
  }

  private static CharacteristicField f(
      int[] order,
      String key,
      String en,
      String zh,
      FieldType type,
      String unit,
      List<String> choices,
      String groupEn,
      String groupZh) {
    return new CharacteristicField(
        0, key, en, zh, type, unit, choices, groupEn, groupZh, order[0]++);
  }
}
