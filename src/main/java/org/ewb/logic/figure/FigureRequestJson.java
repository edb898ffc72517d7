package org.ewb.logic.figure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/**
 * The settings of a saved analysis ({@code SavedAnalysis.settingsJson}) as JSON: {@code figure,
 * outcome, timepoint, measure, model, test, subgroup, columns, error_bars, contours, egger,
 * trimfill, sort}. Unknown fields are ignored, missing ones take their defaults, so older files
 * still open.
 */
public final class FigureRequestJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FigureRequestJson() {}

  public static String write(FigureRequest r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("figure", r.kind().name().toLowerCase(java.util.Locale.ROOT));
    o.put("outcome", r.outcome());
    if (r.timepoint() != null) {
      o.put("timepoint", r.timepoint());
    }
    o.put("measure", r.measure());
    o.put("model", r.model());
    o.put("test", r.test());
    o.put("subgroup", r.subgroup());
    ArrayNode cols = o.putArray("columns");
    r.columns().forEach(cols::add);
    o.put("error_bars", r.errorBars().name().toLowerCase(java.util.Locale.ROOT));
    o.put("contours", r.contours());
    o.put("egger", r.egger());
    o.put("trimfill", r.trimfill());
    o.put("sort", r.sort());
    return o.toString();
  }

  public static FigureRequest read(String json) {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          Localization.lang("figure.error.settings", e.getOriginalMessage()),
          e);
    }
    List<String> cols = new ArrayList<>();
    o.path("columns").forEach(c -> cols.add(c.asText()));
    String bars = o.path("error_bars").asText("sd");
    return new FigureRequest(
        FigureRequest.Kind.parse(o.path("figure").asText("forest")),
        text(o, "outcome"),
        o.hasNonNull("timepoint") ? o.get("timepoint").asDouble() : null,
        text(o, "measure"),
        o.hasNonNull("model") ? o.get("model").asText() : "REML",
        o.hasNonNull("test") ? o.get("test").asText() : "z",
        text(o, "subgroup"),
        cols,
        FigureRequest.errorBars(bars.equals("ci95") ? "ci" : bars),
        o.path("contours").asBoolean(false),
        o.path("egger").asBoolean(false),
        o.path("trimfill").asBoolean(false),
        text(o, "sort"));
  }

  private static String text(JsonNode o, String field) {
    return o.hasNonNull(field) ? o.get(field).asText() : null;
  }
}
