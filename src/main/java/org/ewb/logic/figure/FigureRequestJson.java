package org.ewb.logic.figure;

import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisSettings;
import org.ewb.model.WorkbenchException;

/**
 * A {@link FigureRequest} as the settings of a saved analysis ({@code SavedAnalysis.settingsJson}):
 * maps it to and from {@link AnalysisSettings}, the one format that the export reads too (ADR
 * 0063). Unknown fields are ignored, missing ones take their defaults, so older files still open.
 */
public final class FigureRequestJson {

  private FigureRequestJson() {}

  /** The settings of a request (the analysis-only keys at their defaults). */
  public static AnalysisSettings settings(FigureRequest r) {
    return new AnalysisSettings(
        r.kind().name().toLowerCase(Locale.ROOT),
        r.outcome(),
        r.timepoint(),
        r.measure(),
        r.model(),
        r.test(),
        r.subgroup(),
        null,
        false,
        null,
        false,
        r.columns(),
        switch (r.errorBars()) {
          case SD -> "sd";
          case CI95 -> "ci";
          case NONE -> "none";
        },
        r.contours(),
        r.egger(),
        r.trimfill(),
        r.sort(),
        r.pooled(),
        r.windows(),
        r.arms(),
        r.changeRho());
  }

  public static String write(FigureRequest r) {
    return settings(r).toJson();
  }

  /** The request of saved settings. */
  public static FigureRequest request(AnalysisSettings s) {
    return new FigureRequest(
        FigureRequest.Kind.parse(s.figure()),
        s.outcome(),
        s.months(),
        s.measure(),
        s.model(),
        s.test(),
        s.subgroup(),
        s.columns(),
        FigureRequest.errorBars(s.errorBars()),
        s.contours(),
        s.egger(),
        s.trimfill(),
        s.sort(),
        s.pooled(),
        s.windows(),
        s.arms(),
        s.changeRho());
  }

  /**
   * @throws WorkbenchException (DATA) if the JSON cannot be read
   */
  public static FigureRequest read(String json) {
    AnalysisSettings s;
    try {
      s = AnalysisSettings.parse(json);
    } catch (WorkbenchException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          Localization.lang("figure.error.settings", e.getMessage()),
          e);
    }
    return request(s);
  }
}
