package org.ewb.logic.figure;

import java.util.List;
import java.util.Locale;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/**
 * Which figure of which outcome, with the analysis settings (shared by the {@code plot} command and
 * the analysis view). {@code measure} null = the default for the outcome's data; {@code sort}
 * orders the forest plot's studies (within subgroups): null = project order, "study", "effect",
 * "weight" or a characteristic field key, with a leading "-" for descending.
 */
public record FigureRequest(
    Kind kind,
    String outcome,
    Double timepoint,
    String measure,
    String model,
    String test,
    String subgroup,
    List<String> columns,
    FollowUpModelBuilder.ErrorBars errorBars,
    boolean contours,
    boolean egger,
    boolean trimfill,
    String sort,
    boolean pooled,
    String windows,
    org.ewb.logic.meta.ArmSelection arms,
    Double changeRho) {

  /**
   * A request with the arms to compare; values as reported ({@code changeRho}: pooled follow-up of
   * change from baseline with this correlation between baseline and follow-up, null = none).
   */
  public FigureRequest(
      Kind kind,
      String outcome,
      Double timepoint,
      String measure,
      String model,
      String test,
      String subgroup,
      List<String> columns,
      FollowUpModelBuilder.ErrorBars errorBars,
      boolean contours,
      boolean egger,
      boolean trimfill,
      String sort,
      boolean pooled,
      String windows,
      org.ewb.logic.meta.ArmSelection arms) {
    this(
        kind, outcome, timepoint, measure, model, test, subgroup, columns, errorBars, contours,
        egger, trimfill, sort, pooled, windows, arms, null);
  }

  /** The same request showing change from baseline with correlation {@code rho} (null = none). */
  public FigureRequest withChangeRho(Double rho) {
    return new FigureRequest(
        kind, outcome, timepoint, measure, model, test, subgroup, columns, errorBars, contours,
        egger, trimfill, sort, pooled, windows, arms, rho);
  }

  /** A request with the pooled follow-up options, comparing arms by role. */
  public FigureRequest(
      Kind kind,
      String outcome,
      Double timepoint,
      String measure,
      String model,
      String test,
      String subgroup,
      List<String> columns,
      FollowUpModelBuilder.ErrorBars errorBars,
      boolean contours,
      boolean egger,
      boolean trimfill,
      String sort,
      boolean pooled,
      String windows) {
    this(
        kind,
        outcome,
        timepoint,
        measure,
        model,
        test,
        subgroup,
        columns,
        errorBars,
        contours,
        egger,
        trimfill,
        sort,
        pooled,
        windows,
        org.ewb.logic.meta.ArmSelection.BY_ROLE);
  }

  /**
   * A request without the pooled follow-up options ({@code pooled}: the follow-up chart shows the
   * meta-analysis per time point; {@code windows}: time windows such as "3-6,12-24", null = every
   * time point).
   */
  public FigureRequest(
      Kind kind,
      String outcome,
      Double timepoint,
      String measure,
      String model,
      String test,
      String subgroup,
      List<String> columns,
      FollowUpModelBuilder.ErrorBars errorBars,
      boolean contours,
      boolean egger,
      boolean trimfill,
      String sort) {
    this(
        kind,
        outcome,
        timepoint,
        measure,
        model,
        test,
        subgroup,
        columns,
        errorBars,
        contours,
        egger,
        trimfill,
        sort,
        false,
        null,
        org.ewb.logic.meta.ArmSelection.BY_ROLE);
  }

  /** A request in the studies' own order. */
  public FigureRequest(
      Kind kind,
      String outcome,
      Double timepoint,
      String measure,
      String model,
      String test,
      String subgroup,
      List<String> columns,
      FollowUpModelBuilder.ErrorBars errorBars,
      boolean contours,
      boolean egger,
      boolean trimfill) {
    this(
        kind, outcome, timepoint, measure, model, test, subgroup, columns, errorBars, contours,
        egger, trimfill, null);
  }

  public FigureRequest {
    columns = columns == null ? List.of() : List.copyOf(columns);
    errorBars = errorBars == null ? FollowUpModelBuilder.ErrorBars.SD : errorBars;
    arms = arms == null ? org.ewb.logic.meta.ArmSelection.BY_ROLE : arms;
    windows = windows == null || windows.isBlank() ? null : windows.strip();
  }

  /** The three figures. */
  public enum Kind {
    FOREST,
    FUNNEL,
    FOLLOWUP;

    public static Kind parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new WorkbenchException(
            WorkbenchException.Kind.USAGE, Localization.lang("figure.error.kind", s));
      }
    }
  }

  public static FollowUpModelBuilder.ErrorBars errorBars(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "sd" -> FollowUpModelBuilder.ErrorBars.SD;
      case "ci" -> FollowUpModelBuilder.ErrorBars.CI95;
      case "none" -> FollowUpModelBuilder.ErrorBars.NONE;
      default ->
          throw new WorkbenchException(
              WorkbenchException.Kind.USAGE, Localization.lang("figure.error.errorBars", s));
    };
  }
}
