package org.ewb.logic.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.ewb.logic.meta.MetaforReferenceTest.Mismatches;
import org.ewb.logic.meta.bias.BiasFields;
import org.ewb.logic.meta.bias.SmallStudyEffects;

/**
 * Checks one {@code analysis = "bias"} reference case: regtest (rma with REML and EE, lm), ranktest
 * and trim-and-fill (REML, EE). Effect sizes are computed by the engine from the raw study data and
 * the results rendered by {@link BiasFields} (what {@code analyze --bias --json} prints); every
 * field of every sub-object is compared with {@code results_strict} (present for all bias cases) by
 * {@link Mismatches#compareObject}, so a field the code does not produce is reported, never
 * skipped. Called from {@link MetaforReferenceTest#dispatch}.
 */
final class BiasReferenceCases {

  private BiasReferenceCases() {}

  @SuppressWarnings("unchecked")
  static void check(JsonNode c, Mismatches mm) {
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
    BackTransform bt = ReferenceCases.backTransform(c);
    JsonNode exp = ReferenceCases.expected(c);

    for (TauMethod m : List.of(TauMethod.REML, TauMethod.EE)) {
      Map<String, Object> actual =
          BiasFields.report(SmallStudyEffects.of(RandomEffectsModel.of(m)).run(yi, vi), bt);
      for (Map.Entry<String, Object> part : actual.entrySet()) {
        String name = part.getKey();
        JsonNode partExp = exp.get(name);
        if (partExp == null) {
          mm.add(name + ": produced but not in the reference");
          continue;
        }
        Map<String, Object> partAct = (Map<String, Object>) part.getValue();
        if (partAct.containsKey("error") || partExp.has("error")) {
          mm.add(
              name
                  + ": error in engine ("
                  + partAct.get("error")
                  + ") or metafor ("
                  + partExp.get("error")
                  + ")");
          continue;
        }
        mm.compareObject(name, partExp, partAct, 1e-10);
        if (name.equals("ranktest")) {
          boolean metaforWarnedTies = partExp.path("warnings").size() > 0;
          if (metaforWarnedTies == (Boolean) partAct.get("exact")) {
            mm.add(
                "ranktest: exact p-value = "
                    + partAct.get("exact")
                    + " but metafor warnings = "
                    + partExp.get("warnings"));
          }
        }
        if (name.startsWith("trimfill")) {
          compareFilled(
              name, partExp.get("filled"), (List<Map<String, Object>>) partAct.get("filled"), mm);
        }
      }
    }
    for (String required :
        List.of(
            "regtest_rma_REML",
            "regtest_rma_EE",
            "regtest_lm",
            "ranktest",
            "trimfill_REML",
            "trimfill_EE")) {
      if (!exp.has(required)) {
        mm.add("reference lacks " + required);
      }
    }
  }

  private static void compareFilled(
      String name, JsonNode expected, List<Map<String, Object>> actual, Mismatches mm) {
    if (expected.size() != actual.size()) {
      mm.add(name + ".filled: expected " + expected.size() + " studies, got " + actual.size());
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      mm.compareObject(name + ".filled[" + i + "]", expected.get(i), actual.get(i), 1e-10);
    }
  }
}
