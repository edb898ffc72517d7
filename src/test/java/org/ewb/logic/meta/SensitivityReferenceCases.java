package org.ewb.logic.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.ewb.logic.meta.MetaforReferenceTest.Mismatches;
import org.ewb.logic.meta.sensitivity.CumulativeMetaAnalysis;
import org.ewb.logic.meta.sensitivity.LeaveOneOut;
import org.ewb.logic.meta.sensitivity.SensitivityFields;
import org.ewb.logic.meta.sensitivity.SensitivityRow;

/**
 * Checks one {@code analysis = "leave1out"} or {@code "cumul"} reference case (REML, test z): every
 * field of every row as rendered by {@link SensitivityFields}, against {@code results_strict}. A
 * row that metafor could not fit has null values; the engine must then also fail on that row (and
 * vice versa), otherwise the difference is reported. Called from {@link
 * MetaforReferenceTest#dispatch}.
 */
final class SensitivityReferenceCases {

  private SensitivityReferenceCases() {}

  static void check(String analysis, JsonNode c, Mismatches mm) {
    List<EffectSize> used =
        EffectSizes.compute(
                ReferenceCases.measure(c),
                ReferenceCases.studyData(c),
                ReferenceCases.escalcOptions(c))
            .stream()
            .filter(EffectSize::included)
            .toList();
    double[] yi = used.stream().mapToDouble(EffectSize::yi).toArray();
    double[] vi = used.stream().mapToDouble(EffectSize::vi).toArray();
    List<String> labels = used.stream().map(EffectSize::label).toList();
    RandomEffectsModel model = ReferenceCases.model(c);
    List<SensitivityRow> rows =
        analysis.equals("leave1out")
            ? LeaveOneOut.run(model, yi, vi, labels)
            : CumulativeMetaAnalysis.run(model, yi, vi, labels);
    List<Map<String, Object>> actual =
        SensitivityFields.rows(rows, ReferenceCases.backTransform(c));
    JsonNode expRows = ReferenceCases.expected(c).get("rows");
    if (expRows.size() != actual.size()) {
      mm.add("rows: expected " + expRows.size() + ", got " + actual.size());
      return;
    }
    for (int i = 0; i < actual.size(); i++) {
      mm.compareObject("rows[" + i + "]", expRows.get(i), actual.get(i), 1e-10);
    }
  }
}
