package org.ewb.logic.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a forest plot shows, independent of the meta-analysis engine: rows of text columns and
 * intervals on the analysis scale (log scale for ratio measures, where {@code logScale} is set and
 * axis labels and effect texts are back-transformed with exp). All texts are already localised; the
 * renderer only formats numbers.
 *
 * @param effectHeader the measure ("Risk Ratio"), over the effect text column and the graph
 * @param effectSubheader method line over the graph ("IV, Random (REML), 95% CI")
 * @param ciHeader short second line over the effect text column ("95% CI")
 * @param columns text columns between the study label and the weight (per-arm data and extra
 *     characteristic columns); each row's {@code cells} follow this order
 * @param groups study blocks; one unnamed group when there are no subgroups
 * @param overall pooled results drawn as diamonds under all groups (may be empty)
 * @param predictionInterval prediction interval bar under the overall diamond, or null
 * @param footnotes lines under the overall result (heterogeneity, test for overall effect, test for
 *     subgroup differences)
 * @param axisExtent half-width of the axis around {@code nullValue} on the analysis scale, or NaN
 *     to choose one from the data
 */
public record ForestPlotModel(
    String studyHeader,
    List<Column> columns,
    String weightHeader,
    String effectHeader,
    String effectSubheader,
    String ciHeader,
    List<Group> groups,
    List<Summary> overall,
    Interval predictionInterval,
    List<String> footnotes,
    boolean logScale,
    double nullValue,
    String favoursLeft,
    String favoursRight,
    int decimals,
    double axisExtent,
    String notEstimable) {

  public ForestPlotModel {
    studyHeader = nz(studyHeader);
    columns = List.copyOf(columns);
    weightHeader = nz(weightHeader);
    effectHeader = nz(effectHeader);
    effectSubheader = nz(effectSubheader);
    ciHeader = nz(ciHeader);
    groups = List.copyOf(groups);
    overall = List.copyOf(overall);
    footnotes = List.copyOf(footnotes);
    favoursLeft = nz(favoursLeft);
    favoursRight = nz(favoursRight);
    notEstimable = nz(notEstimable);
    for (Group g : groups) {
      for (StudyRow r : g.studies()) {
        if (r.cells().size() != columns.size()) {
          throw new IllegalArgumentException(
              "row '"
                  + r.label()
                  + "' has "
                  + r.cells().size()
                  + " cells for "
                  + columns.size()
                  + " columns");
        }
      }
    }
  }

  /**
   * A text column; {@code group} is the upper header spanning adjacent columns of the same group.
   */
  public record Column(String group, String header) {
    public Column {
      group = nz(group);
      header = nz(header);
    }
  }

  /** An interval on the analysis scale with its point estimate (NaN = not estimable). */
  public record Interval(String label, double estimate, double lower, double upper) {
    public Interval {
      label = nz(label);
    }

    public boolean estimable() {
      return Double.isFinite(estimate) && Double.isFinite(lower) && Double.isFinite(upper);
    }
  }

  /**
   * One study: label, text cells, effect with CI on the analysis scale, and weight in percent (NaN
   * = no weight, e.g. not estimable).
   */
  public record StudyRow(
      String label,
      List<String> cells,
      double estimate,
      double lower,
      double upper,
      double weightPercent) {
    public StudyRow {
      label = nz(label);
      cells = List.copyOf(cells);
    }

    public boolean estimable() {
      return Double.isFinite(estimate) && Double.isFinite(lower) && Double.isFinite(upper);
    }
  }

  /**
   * A pooled result drawn as a diamond: label (e.g. "Total (95% CI)", "Random-effects model"),
   * cells (e.g. summed totals), estimate with CI, and weight in percent (NaN = none shown).
   */
  public record Summary(
      String label,
      List<String> cells,
      double estimate,
      double lower,
      double upper,
      double weightPercent) {
    public Summary {
      label = nz(label);
      cells = List.copyOf(cells);
    }
  }

  /**
   * A block of studies: an optional heading (subgroup level; empty = none), its studies, its pooled
   * result (null = none) and text lines under it (heterogeneity within the subgroup).
   */
  public record Group(String heading, List<StudyRow> studies, Summary summary, List<String> notes) {
    public Group {
      heading = nz(heading);
      studies = List.copyOf(studies);
      notes = List.copyOf(notes);
    }
  }

  /** All study rows in drawing order. */
  public List<StudyRow> allStudies() {
    List<StudyRow> out = new ArrayList<>();
    groups.forEach(g -> out.addAll(g.studies()));
    return out;
  }

  /** Every text of the model (to choose a font that can display all of it). */
  public String allText() {
    StringBuilder sb = new StringBuilder();
    sb.append(studyHeader)
        .append(weightHeader)
        .append(effectHeader)
        .append(effectSubheader)
        .append(ciHeader)
        .append(favoursLeft)
        .append(favoursRight)
        .append(notEstimable);
    columns.forEach(c -> sb.append(c.group()).append(c.header()));
    for (Group g : groups) {
      sb.append(g.heading());
      g.studies()
          .forEach(
              r -> {
                sb.append(r.label());
                r.cells().forEach(sb::append);
              });
      if (g.summary() != null) {
        sb.append(g.summary().label());
        g.summary().cells().forEach(sb::append);
      }
      g.notes().forEach(sb::append);
    }
    overall.forEach(
        s -> {
          sb.append(s.label());
          s.cells().forEach(sb::append);
        });
    if (predictionInterval != null) {
      sb.append(predictionInterval.label());
    }
    footnotes.forEach(sb::append);
    return sb.toString();
  }

  static String nz(String s) {
    return Objects.requireNonNullElse(s, "");
  }
}
