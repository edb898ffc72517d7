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

  /** The columns of each layout in printed order, with the numbering column where printed. */
  static List<String> printedColumns(TableLayout l) {
    List<String> keys = new java.util.ArrayList<>();
    if (l.name().equals(SEED_002)) {
      keys.add(org.ewb.model.LayoutColumn.NUMBER);
    }
    keys.addAll(l.fieldKeys());
    return keys;
  }

  /** Table number and numbering column of each layout, as printed. */
  static org.ewb.model.LayoutOptions options(TableLayout l) {
    boolean t1 = l.name().equals(SEED_002);
    return new org.ewb.model.LayoutOptions(
        l.id(), t1 ? 1 : 2, t1, org.ewb.model.LayoutOptions.Paper.A4, true);
  }

  /** The transcription file of each layout's printed table. */
  static String printedTable(TableLayout l) {
    return l.name().equals(SEED_002) ? PrintedTables.SEED_002 : PrintedTables.SEED_004;
  }

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
                "institution",
                "year"),
            "−, not reported.",
            "−：未报告。",
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
            "",
            "",
            // printed row order; the Ref column stays, as in the printed table (ADR 0065)
            "table2_row_004"));
  }
}
