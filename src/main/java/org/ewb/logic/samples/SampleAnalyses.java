package org.ewb.logic.samples;

import java.util.List;
import org.ewb.logic.meta.AnalysisSettings;
import org.ewb.model.SavedAnalysis;

/**
 * The saved analyses shipped with the sample projects, in the settings format the analysis view
 * writes (ADR 0063), so that opening a sample shows them in the view and exporting it gives their
 * result sheets.
 */
final class SampleAnalyses {

  private SampleAnalyses() {}

  static final String BCG_RR_REML = "Tuberculosis — RR, REML";
  static final String BCG_RR_REML_BY_ALLOC = "Tuberculosis — RR, REML by allocation";
  static final String STEM_CELL_INSULIN_12 = "Insulin independence at 12 months — RR";

  /** metafor's classic dat.bcg analyses: RR, REML, overall and by method of allocation. */
  static List<SavedAnalysis> bcg() {
    return List.of(
        saved(BCG_RR_REML, AnalysisSettings.analysis("Tuberculosis", 0.0, "RR", "REML", null), 0),
        saved(
            BCG_RR_REML_BY_ALLOC,
            AnalysisSettings.analysis("Tuberculosis", 0.0, "RR", "REML", "alloc"),
            1));
  }

  /**
   * Insulin independence at 12 months: only Yao 2022 has two arms with a 12-month count (3/5 vs
   * 3/5), so this is a single study's risk ratio (k = 1, τ² = 0), kept as a worked example of what
   * the sources allow rather than as a pooled estimate.
   */
  static List<SavedAnalysis> stemCell() {
    return List.of(
        saved(
            STEM_CELL_INSULIN_12,
            AnalysisSettings.analysis("Insulin independence", 12.0, "RR", "REML", null),
            0));
  }

  private static SavedAnalysis saved(String name, AnalysisSettings s, int order) {
    return new SavedAnalysis(0, name, s.toJson(), order);
  }
}
