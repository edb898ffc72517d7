package org.ewb.logic.samples;

import java.util.List;
import org.ewb.model.TableLayout;

/**
 * The two table layouts shipped with the stem-cell sample: the rows, column choice and order of
 * seed 002's 表1 and of seed 004's Table 2, expressed with the sample's field keys.
 */
final class SampleLayouts {

  private SampleLayouts() {}

  static final String SEED_002 = "Seed 002 表1";
  static final String SEED_004 = "Seed 004 Table 2";

  static List<TableLayout> all() {
    return List.of(
        new TableLayout(
            0,
            SEED_002,
            "Summary of clinical trials of stem-cell therapy for type 1 diabetes in China",
            "我国干细胞治疗1型糖尿病临床试验总结",
            List.of(
                "design",
                "n_participants",
                "cell_type",
                "cell_dose",
                "n_infusions",
                "route",
                "follow_up",
                "primary_endpoint",
                "authors_first_corresponding",
                "institution_zh",
                "year"),
            "AHSCT, autologous nonmyeloablative haematopoietic stem cell transplantation; "
                + "BM-MNC, bone marrow mononuclear cells; BM-MSC, bone marrow mesenchymal stem cells; "
                + "MSC, mesenchymal stem (stromal) cells; PBSC, peripheral blood stem cells; "
                + "PL-MSC, placenta-derived MSC; UC-MSC, umbilical cord MSC; "
                + "WJ-MSC, Wharton's jelly-derived MSC; HbA1c, glycated haemoglobin; "
                + "IV, intravenous; RCT, randomised controlled trial; T1DM / T2DM, type 1 / type 2 "
                + "diabetes mellitus. Values as transcribed from the seed documents; "
                + "'|' separates conflicting sources; − = not given.",
            "AHSCT：自体非清髓性造血干细胞移植；BM-MNC：骨髓单个核细胞；BM-MSC：骨髓间充质干细胞；"
                + "MSC：间充质干细胞；PBSC：外周血干细胞；PL-MSC：胎盘来源间充质干细胞；"
                + "UC-MSC：脐带间充质干细胞；WJ-MSC：脐带华通胶间充质干细胞；HbA1c：糖化血红蛋白；"
                + "IV：静脉输注；RCT：随机对照试验；T1DM / T2DM：1型 / 2型糖尿病。"
                + "数值按种子文献转录；“|”分隔相互矛盾的来源；− 表示未给出。",
            // the table's own row numbers choose and number its rows (ADR 0065)
            "table1_row_002"),
        new TableLayout(
            0,
            SEED_004,
            "Clinical trials of hMSC-based therapy in patients with T1DM or T2DM",
            "基于hMSC的疗法治疗1型或2型糖尿病患者的临床试验",
            List.of(
                "ref_004",
                "country",
                "design",
                "cell_type",
                "diabetes_type",
                "n_treated",
                "age",
                "bmi",
                "disease_duration",
                "cell_dose",
                "allo_auto",
                "route",
                "follow_up"),
            "ASC, adipose-derived stromal/stem cells; BM-MSC, bone marrow MSC; "
                + "BM-MNC, bone marrow mononuclear cells; DPA, dorsal pancreatic artery; "
                + "DPSC (SHED), stem cells from human exfoliated deciduous teeth; "
                + "IP, intrapancreatic; MSC, mesenchymal stem/stromal cells; ND, not determined; "
                + "PL-MSC, placenta-derived MSC; UC-MSC, umbilical cord MSC; "
                + "WJ-MSC, Wharton's jelly MSC; RCT, randomised controlled trial; "
                + "T1DM / T2DM, type 1 / type 2 diabetes mellitus. N = patients treated with MSC. "
                + "Seed 004 is a machine translation; decoding judgements are in each study's notes.",
            "ASC：脂肪来源基质/干细胞；BM-MSC：骨髓间充质干细胞；BM-MNC：骨髓单个核细胞；"
                + "DPA：胰背动脉；DPSC (SHED)：人脱落乳牙干细胞；IP：胰腺内；MSC：间充质干细胞/基质细胞；"
                + "ND：未测定；PL-MSC：胎盘来源间充质干细胞；UC-MSC：脐带间充质干细胞；"
                + "WJ-MSC：华通胶间充质干细胞；RCT：随机对照试验；T1DM / T2DM：1型 / 2型糖尿病。"
                + "N = 接受MSC治疗的患者数。种子文献004为机器翻译，解读判断见各研究的备注。",
            // printed row order; the Ref column stays, as in the printed table (ADR 0065)
            "table2_row_004"));
  }
}
