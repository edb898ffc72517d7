package org.ewb.logic.export;

import java.util.List;
import org.ewb.model.ProjectData;

/**
 * Builds one "analysis results" table per saved analysis. Waits for the meta-analysis engine
 * ({@code org.ewb.logic.meta}); until then it exports no analysis tables.
 */
public final class AnalysisResultsExporter {

  private AnalysisResultsExporter() {}

  /** One table per saved analysis, in display order. */
  public static List<ExportTable> build(ProjectData data, String lang) {
    return List.of();
  }
}
