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

  // ---- subgroup / metareg ----------------------------------------------------------------------

  static void checkSubgroup(JsonNode c, Mismatches mm) {
    List<EffectSize> es = EffectSizes.compute(measure(c), studyData(c), escalcOptions(c));
    List<String> groups = new ArrayList<>();
    for (JsonNode s : c.get("studies")) {
      groups.add(s.get("group").asText());
    }
    JsonNode exp = expected(c);
    SubgroupResult r = SubgroupAnalysis.run(es, groups, model(c));
    Map<String, Object> act =
        ResultFields.subgroup(r, exp.get("grouping_variable").asText(), backTransform(c));
    mm.compareObject("results", exp, act, 1e-10);
    mm.compareValue(
        "results.levels",
        "levels",
        JSON_TEXT(exp.get("levels").toString()),
        true,
        JSON_TEXT_OF(act.get("levels")),
        1e-10);
    compareArray(mm, "subgroups", exp.get("subgroups"), list(act.get("subgroups")));
    mm.compareObject(
        "test_separate_tau2",
        exp.get("test_separate_tau2"),
        map(act.get("test_separate_tau2")),
        1e-10);
    Map<String, Object> com = map(act.get("test_common_tau2"));
    mm.compareObject("test_common_tau2", exp.get("test_common_tau2"), com, 1e-10);
    compareArray(
        mm,
        "subgroup_estimates",
        exp.get("test_common_tau2").get("subgroup_estimates"),
        list(com.get("subgroup_estimates")));
    compareStudies(c, ResultFields.studies(es, null, backTransform(c)), mm);
  }

  static void checkMetareg(JsonNode c, Mismatches mm) {
    List<EffectSize> es = EffectSizes.compute(measure(c), studyData(c), escalcOptions(c));
    String mod = c.get("options").get("moderator").asText();
    double[] x = new double[es.size()];
    int i = 0;
    for (JsonNode s : c.get("studies")) {
      x[i++] = s.get(mod).isNull() ? Double.NaN : s.get(mod).asDouble();
    }
    MetaRegressionResult r = MetaRegression.run(es, x, mod, model(c));
    BackTransform bt = backTransform(c);
    Map<String, Object> act = ResultFields.metareg(r, bt);
    JsonNode exp = expected(c);
    mm.compareObject("results", exp, act, 1e-10);
    compareArray(mm, "coefficients", exp.get("coefficients"), list(act.get("coefficients")));
    compareArray(mm, "predictions", exp.get("predictions"), list(act.get("predictions")));
    List<Map<String, Object>> rows = ResultFields.studies(es, r.fit(), bt);
    if (hasStrict(c) && isIterative(c)) {
      useWeightsOfDefaultFit(es, rows, c.get("results").get("tau2").asDouble());
    }
    compareStudies(c, rows, mm);
  }

  static void compareArray(
      Mismatches mm, String where, JsonNode exp, List<Map<String, Object>> act) {
    if (exp.size() != act.size()) {
      mm.add(where + ": expected " + exp.size() + " entries, got " + act.size());
      return;
    }
    for (int i = 0; i < exp.size(); i++) {
      mm.compareObject(where + "[" + i + "]", exp.get(i), act.get(i), 1e-10);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static JsonNode JSON_TEXT(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
  }

  static String JSON_TEXT_OF(Object o) {
    try {
      return MetaforReferenceTest.JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
