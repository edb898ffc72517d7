package org.ewb.logic.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code analyze} run produced: the effect sizes, the main model (inverse variance
 * {@code model} or Mantel-Haenszel/Peto {@code mh}; the other is null), and the optional subgroup
 * and meta-regression results. {@link #fields()} is the JSON object of {@code analyze --json}.
 */
public record AnalysisOutcome(
    StudyTable table,
    AnalysisOptions options,
    BackTransform backTransform,
    List<EffectSize> effectSizes,
    MetaResult model,
    MhResult mh,
    SubgroupResult subgroups,
    MetaRegressionResult metaRegression,
    List<String> notes) {

  public AnalysisOutcome {
    effectSizes = List.copyOf(effectSizes);
    notes = List.copyOf(notes);
  }

  /**
   * The result as one ordered map with the reference files' field names: run information, the
   * fields of {@code results} at the top level, {@code studies}, and for a subgroup analysis {@code
   * levels, subgroups, test_separate_tau2, test_common_tau2}, for a meta-regression {@code metareg}
   * (its own {@code results} object).
   */
  public Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measure", options.measure().name());
    m.put("effect_scale", options.measure().scale());
    m.put(
        "back_transform",
        backTransform == BackTransform.NONE
            ? null
            : backTransform.name().toLowerCase(java.util.Locale.ROOT));
    m.put("model", options.model().toUpperCase(java.util.Locale.ROOT));
    m.put("test", options.test() == TestType.KNHA ? "knha" : "z");
    m.put("level", 95);
    if (model != null) {
      m.putAll(ResultFields.model(model, backTransform));
      m.put("studies", ResultFields.studiesView(effectSizes, model, backTransform));
    } else {
      m.putAll(ResultFields.mh(mh));
      m.put("studies", ResultFields.mhStudies(mh));
    }
    if (subgroups != null) {
      Map<String, Object> s = ResultFields.subgroup(subgroups, options.subgroup(), backTransform);
      m.put("grouping_variable", s.get("grouping_variable"));
      m.put("levels", s.get("levels"));
      m.put("subgroups", s.get("subgroups"));
      m.put("test_separate_tau2", s.get("test_separate_tau2"));
      m.put("test_common_tau2", s.get("test_common_tau2"));
    }
    if (metaRegression != null) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("moderator", metaRegression.moderator());
      r.putAll(ResultFields.metareg(metaRegression, backTransform));
      m.put("metareg", r);
    }
    m.put("warnings", new ArrayList<>(notes));
    return m;
  }
}
