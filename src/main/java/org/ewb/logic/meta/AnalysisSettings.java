package org.ewb.logic.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ewb.model.OutcomeKind;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.WorkbenchException;

/**
 * The one settings format of a saved analysis ({@code SavedAnalysis.settingsJson}, ADR 0063): the
 * analysis view writes it (through {@code logic.figure.FigureRequestJson}), the view and the {@code
 * plot} command read it back, and the Excel export runs the meta-analysis it describes.
 *
 * <pre>{"figure": "forest", "outcome": "Tuberculosis", "timepoint": 12, "measure": "RR",
 *  "model": "REML", "test": "z", "subgroup": "alloc", "moderator": null, "drop00": false,
 *  "add": null, "mhCc": false, "columns": ["alloc"], "error_bars": "sd", "contours": true,
 *  "egger": false, "trimfill": false, "sort": null}</pre>
 *
 * Every key is optional when read; unknown keys are ignored, so files written by older and newer
 * versions still open. {@code months} is read as an alias of {@code timepoint} (the export's first
 * key); {@code error_bars} "ci95" as "ci". Reading only checks types; the values are checked where
 * they are used ({@link #options}), so the view can still open an analysis whose outcome was
 * deleted.
 *
 * @param figure "forest", "funnel" or "followup" (lower case)
 * @param outcome outcome name (case-insensitive), null = not chosen
 * @param months time point in months, null = the outcome's only time point
 * @param measure effect measure name, null = {@link #defaultMeasure} for the data
 * @param model EE, MH, PETO or a τ² estimator (DL, REML, ...)
 * @param test "z" or "knha"
 * @param subgroup characteristic field key of a subgroup analysis, null = none
 * @param moderator characteristic field key of a meta-regression, null = none
 * @param drop00 drop double-zero studies from inverse-variance analyses
 * @param add value added to zero cells, null = metafor's default 1/2
 * @param mhCc Mantel-Haenszel: correct zero cells in the pooled tables too
 * @param columns characteristic field keys shown as forest plot columns
 * @param errorBars follow-up chart error bars: "sd", "ci" or "none"
 * @param contours funnel plot: significance contours
 * @param egger funnel plot: Egger's test
 * @param trimfill funnel plot: trim and fill
 * @param sort forest plot study order (null = project order)
 * @param pooled follow-up chart: the meta-analysis per time point (key {@code pooled})
 * @param windows follow-up chart: time windows such as "3-6,12-24" (key {@code windows}), null =
 *     every time point
 * @param changeRho pooled follow-up chart: change from baseline with this correlation between
 *     baseline and follow-up (key {@code change_rho}), null = values as reported
 */
public record AnalysisSettings(
    String figure,
    String outcome,
    Double months,
    String measure,
    String model,
    String test,
    String subgroup,
    String moderator,
    boolean drop00,
    Double add,
    boolean mhCc,
    List<String> columns,
    String errorBars,
    boolean contours,
    boolean egger,
    boolean trimfill,
    String sort,
    boolean pooled,
    String windows,
    ArmSelection arms,
    Double changeRho) {

  /** Settings of values as reported (no change from baseline). */
  public AnalysisSettings(
      String figure,
      String outcome,
      Double months,
      String measure,
      String model,
      String test,
      String subgroup,
      String moderator,
      boolean drop00,
      Double add,
      boolean mhCc,
      List<String> columns,
      String errorBars,
      boolean contours,
      boolean egger,
      boolean trimfill,
      String sort,
      boolean pooled,
      String windows,
      ArmSelection arms) {
    this(
        figure, outcome, months, measure, model, test, subgroup, moderator, drop00, add, mhCc,
        columns, errorBars, contours, egger, trimfill, sort, pooled, windows, arms, null);
  }

  /** Settings with the pooled follow-up keys, arms by role. */
  public AnalysisSettings(
      String figure,
      String outcome,
      Double months,
      String measure,
      String model,
      String test,
      String subgroup,
      String moderator,
      boolean drop00,
      Double add,
      boolean mhCc,
      List<String> columns,
      String errorBars,
      boolean contours,
      boolean egger,
      boolean trimfill,
      String sort,
      boolean pooled,
      String windows) {
    this(
        figure,
        outcome,
        months,
        measure,
        model,
        test,
        subgroup,
        moderator,
        drop00,
        add,
        mhCc,
        columns,
        errorBars,
        contours,
        egger,
        trimfill,
        sort,
        pooled,
        windows,
        ArmSelection.BY_ROLE);
  }

  /** Settings without the pooled follow-up keys. */
  public AnalysisSettings(
      String figure,
      String outcome,
      Double months,
      String measure,
      String model,
      String test,
      String subgroup,
      String moderator,
      boolean drop00,
      Double add,
      boolean mhCc,
      List<String> columns,
      String errorBars,
      boolean contours,
      boolean egger,
      boolean trimfill,
      String sort) {
    this(
        figure,
        outcome,
        months,
        measure,
        model,
        test,
        subgroup,
        moderator,
        drop00,
        add,
        mhCc,
        columns,
        errorBars,
        contours,
        egger,
        trimfill,
        sort,
        false,
        null,
        ArmSelection.BY_ROLE);
  }

  public static final String FOREST = "forest";
  public static final String FUNNEL = "funnel";
  public static final String FOLLOWUP = "followup";

  private static final ObjectMapper JSON = new ObjectMapper();

  public AnalysisSettings {
    figure = figure == null || figure.isBlank() ? FOREST : figure.strip().toLowerCase(Locale.ROOT);
    outcome = blankToNull(outcome);
    measure = blankToNull(measure);
    model = model == null || model.isBlank() ? "REML" : model.strip();
    test = test == null || test.isBlank() ? "z" : test.strip();
    subgroup = blankToNull(subgroup);
    moderator = blankToNull(moderator);
    columns = columns == null ? List.of() : List.copyOf(columns);
    errorBars = errorBars == null || errorBars.isBlank() ? "sd" : errorBars.strip();
    sort = blankToNull(sort);
    arms = arms == null ? ArmSelection.BY_ROLE : arms;
    windows = blankToNull(windows);
  }

  /** Settings of a forest plot / meta-analysis with everything else at its default. */
  public static AnalysisSettings analysis(
      String outcome, Double months, String measure, String model, String subgroup) {
    return new AnalysisSettings(
        FOREST, outcome, months, measure, model, "z", subgroup, null, false, null, false, List.of(),
        "sd", false, false, false, null);
  }

  /**
   * Reads the settings of {@code a}.
   *
   * @throws WorkbenchException (DATA) naming the analysis and what is wrong
   */
  public static AnalysisSettings of(SavedAnalysis a) {
    try {
      return parse(a.settingsJson());
    } catch (WorkbenchException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, "Saved analysis '" + a.name() + "': " + e.getMessage(), e);
    }
  }

  /**
   * Reads settings JSON.
   *
   * @throws WorkbenchException (DATA) if it is not a JSON object or a key has the wrong type
   */
  public static AnalysisSettings parse(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw bad("its settings are not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (n == null || !n.isObject()) {
      throw bad("its settings are not a JSON object");
    }
    List<String> cols = new ArrayList<>();
    n.path("columns").forEach(c -> cols.add(c.asText()));
    String bars = text(n, "error_bars");
    return new AnalysisSettings(
        text(n, "figure"),
        text(n, "outcome"),
        number(n, n.hasNonNull("timepoint") ? "timepoint" : "months"),
        text(n, "measure"),
        text(n, "model"),
        text(n, "test"),
        text(n, "subgroup"),
        text(n, "moderator"),
        n.path("drop00").asBoolean(false),
        number(n, "add"),
        n.path("mhCc").asBoolean(false),
        cols,
        "ci95".equalsIgnoreCase(bars) ? "ci" : bars,
        n.path("contours").asBoolean(false),
        n.path("egger").asBoolean(false),
        n.path("trimfill").asBoolean(false),
        text(n, "sort"),
        n.path("pooled").asBoolean(false),
        text(n, "windows"),
        arms(n.path("arms")),
        number(n, "change_rho"));
  }

  /** {"12": {"experimental": [31, 32], "control": [33]}, ...}: arm ids per study id. */
  private static ArmSelection arms(JsonNode n) {
    if (n == null || !n.isObject()) {
      return ArmSelection.BY_ROLE;
    }
    java.util.Map<Long, ArmSelection.Sides> m = new java.util.LinkedHashMap<>();
    var it = n.fields();
    while (it.hasNext()) {
      var e = it.next();
      long study;
      try {
        study = Long.parseLong(e.getKey());
      } catch (NumberFormatException x) {
        throw bad("its arms name a study '" + e.getKey() + "' that is not a study id");
      }
      List<Long> exp = new ArrayList<>();
      List<Long> ctl = new ArrayList<>();
      e.getValue().path("experimental").forEach(a -> exp.add(a.asLong()));
      e.getValue().path("control").forEach(a -> ctl.add(a.asLong()));
      m.put(study, new ArmSelection.Sides(exp, ctl));
    }
    return new ArmSelection(m);
  }

  /** The JSON object; keys at their defaults are still written, so the file says what was run. */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("figure", figure);
    o.put("outcome", outcome);
    if (months != null) {
      o.put("timepoint", months);
    }
    o.put("measure", measure);
    o.put("model", model);
    o.put("test", test);
    o.put("subgroup", subgroup);
    o.put("moderator", moderator);
    o.put("drop00", drop00);
    o.put("add", add);
    o.put("mhCc", mhCc);
    ArrayNode cols = o.putArray("columns");
    columns.forEach(cols::add);
    o.put("error_bars", errorBars);
    o.put("contours", contours);
    o.put("egger", egger);
    o.put("trimfill", trimfill);
    o.put("sort", sort);
    if (FOLLOWUP.equals(figure)) {
      o.put("pooled", pooled);
      o.put("windows", windows);
      if (changeRho != null) {
        o.put("change_rho", changeRho);
      }
    }
    if (!arms.isByRole()) {
      ObjectNode a = o.putObject("arms");
      arms.perStudy().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(
              e -> {
                ObjectNode s = a.putObject(Long.toString(e.getKey()));
                ArrayNode x = s.putArray("experimental");
                e.getValue().experimental().forEach(x::add);
                ArrayNode c = s.putArray("control");
                e.getValue().control().forEach(c::add);
              });
    }
    return o.toString();
  }

  /**
   * Whether the settings describe a meta-analysis (forest or funnel plot), not a follow-up chart.
   */
  public boolean hasMetaAnalysis() {
    return !FOLLOWUP.equals(figure);
  }

  /**
   * The engine options for data of {@code kind}: the measure (or the default for the data), the
   * model in upper case and the test.
   *
   * @throws WorkbenchException (DATA) naming the key whose value is not known
   */
  public AnalysisOptions options(StudyTable.Kind kind) {
    Measure m;
    if (measure == null) {
      m = defaultMeasure(kind);
    } else {
      try {
        m = Measure.valueOf(measure.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad("unknown measure \"" + measure + "\" (RR, OR, RD, MD, SMD, GEN)");
      }
    }
    return new AnalysisOptions(
        m, model.toUpperCase(Locale.ROOT), testType(), subgroup, moderator, drop00, add, mhCc);
  }

  /**
   * The test: "z" (or empty) or "knha" (aliases "hk", "t").
   *
   * @throws WorkbenchException (DATA) for another value
   */
  public TestType testType() {
    if (test.equalsIgnoreCase("z")) {
      return TestType.Z;
    }
    if (test.equalsIgnoreCase("knha") || test.equalsIgnoreCase("hk") || test.equals("t")) {
      return TestType.KNHA;
    }
    throw bad("unknown test \"" + test + "\" (z or knha)");
  }

  /**
   * The measures offered for an outcome of {@code kind}, the default first: the analysis view lists
   * them in this order and an analysis saved without a measure uses the first.
   */
  public static List<String> measuresFor(OutcomeKind kind) {
    return switch (kind) {
      case DICHOTOMOUS -> List.of("RR", "OR", "RD");
      case CONTINUOUS -> List.of("MD", "SMD");
      case GENERIC -> List.of("GEN");
    };
  }

  /** The measure used when none is chosen: the first of {@link #measuresFor} for the data. */
  public static Measure defaultMeasure(StudyTable.Kind kind) {
    OutcomeKind ok =
        switch (kind) {
          case BINARY -> OutcomeKind.DICHOTOMOUS;
          case CONTINUOUS -> OutcomeKind.CONTINUOUS;
          case GENERIC -> OutcomeKind.GENERIC;
        };
    return Measure.valueOf(measuresFor(ok).get(0));
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw bad("\"" + key + "\" must be a single value, not " + v);
    }
    return v.asText();
  }

  private static Double number(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw bad("\"" + key + "\" must be a number, not " + v);
    }
    return v.asDouble();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static WorkbenchException bad(String problem) {
    return new WorkbenchException(WorkbenchException.Kind.DATA, problem);
  }
}
