package org.ewb.logic.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.TestType;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.WorkbenchException;

/**
 * The settings of a saved analysis, read from its JSON object. The keys mirror the options of the
 * {@code analyze} command (ADR 0063):
 *
 * <pre>{"outcome": "HbA1c", "months": 12, "measure": "MD", "model": "REML", "test": "z",
 *  "subgroup": "diabetes_type", "moderator": null, "drop00": false, "add": null, "mhCc": false}
 * </pre>
 *
 * {@code outcome} and {@code measure} are required; {@code months} may be left out when the outcome
 * has one time point; {@code model} defaults to REML and {@code test} to z.
 */
public record AnalysisSettings(String outcome, Double months, AnalysisOptions options) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads the settings of {@code a}.
   *
   * @throws WorkbenchException (DATA) naming the analysis and the key that is missing or wrong
   */
  public static AnalysisSettings of(SavedAnalysis a) {
    JsonNode n;
    try {
      n = JSON.readTree(a.settingsJson());
    } catch (JsonProcessingException e) {
      throw bad(a, "its settings are not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (n == null || !n.isObject()) {
      throw bad(a, "its settings are not a JSON object");
    }
    String outcome = text(n, "outcome");
    if (outcome == null || outcome.isBlank()) {
      throw bad(a, "its settings name no \"outcome\"");
    }
    Double months = null;
    JsonNode m = n.has("months") ? n.get("months") : n.get("timepoint");
    if (m != null && !m.isNull()) {
      if (!m.isNumber()) {
        throw bad(a, "\"months\" must be a number, not " + m);
      }
      months = m.asDouble();
    }
    String measureName = text(n, "measure");
    if (measureName == null) {
      throw bad(a, "its settings name no \"measure\" (RR, OR, RD, MD, SMD, GEN)");
    }
    Measure measure;
    try {
      measure = Measure.valueOf(measureName.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(a, "unknown measure \"" + measureName + "\" (RR, OR, RD, MD, SMD, GEN)");
    }
    String model = text(n, "model");
    model = model == null || model.isBlank() ? "REML" : model.strip().toUpperCase(Locale.ROOT);
    String test = text(n, "test");
    TestType testType;
    if (test == null || test.equalsIgnoreCase("z")) {
      testType = TestType.Z;
    } else if (test.equalsIgnoreCase("knha") || test.equalsIgnoreCase("t")) {
      testType = TestType.KNHA;
    } else {
      throw bad(a, "unknown test \"" + test + "\" (z or knha)");
    }
    String subgroup = blankToNull(text(n, "subgroup"));
    String moderator = blankToNull(text(n, "moderator"));
    boolean drop00 = n.path("drop00").asBoolean(false);
    Double add = null;
    JsonNode addNode = n.get("add");
    if (addNode != null && !addNode.isNull()) {
      if (!addNode.isNumber()) {
        throw bad(a, "\"add\" must be a number, not " + addNode);
      }
      add = addNode.asDouble();
    }
    boolean mhCc = n.path("mhCc").asBoolean(false);
    return new AnalysisSettings(
        outcome.strip(),
        months,
        new AnalysisOptions(measure, model, testType, subgroup, moderator, drop00, add, mhCc));
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static WorkbenchException bad(SavedAnalysis a, String problem) {
    return new WorkbenchException(
        WorkbenchException.Kind.DATA, "Saved analysis '" + a.name() + "': " + problem);
  }
}
