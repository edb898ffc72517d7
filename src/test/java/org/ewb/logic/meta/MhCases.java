package org.ewb.logic.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.meta.MetaforReferenceTest.Mismatches;

/** Mantel-Haenszel and Peto reference cases (metafor rma.mh / rma.peto). */
final class MhCases {

  private MhCases() {}

  static void check(JsonNode c, Mismatches mm) {
    List<StudyData.TwoByTwo> tables = new ArrayList<>();
    for (StudyData d : ReferenceCases.studyData(c)) {
      tables.add((StudyData.TwoByTwo) d);
    }
    MhOptions opt = options(c.get("options"));
    boolean peto = c.get("model").asText().equals("PETO");
    MantelHaenszel m = peto ? MantelHaenszel.peto() : MantelHaenszel.of(ReferenceCases.measure(c));
    MhResult r = m.withOptions(opt).fit(tables);
    mm.compareObject("results", ReferenceCases.expected(c), ResultFields.mh(r), 1e-10);
    ReferenceCases.compareStudies(c, ResultFields.mhStudies(r), mm);
  }

  /** The case's add / drop00 / correct options (to = "only0" or "none" with add 0). */
  static MhOptions options(JsonNode o) {
    JsonNode add = o.get("add");
    JsonNode drop = o.get("drop00");
    JsonNode to = o.get("to");
    double a1 = add.isArray() ? add.get(0).asDouble() : add.asDouble();
    double a2 = add.isArray() ? add.get(1).asDouble() : add.asDouble();
    if (to.isArray() ? to.get(0).asText().equals("none") : to.asText().equals("none")) {
      a1 = 0;
    }
    if (to.isArray() ? to.get(1).asText().equals("none") : to.asText().equals("none")) {
      a2 = 0;
    }
    boolean d1 = drop.isArray() ? drop.get(0).asBoolean() : drop.asBoolean();
    boolean d2 = drop.isArray() ? drop.get(1).asBoolean() : drop.asBoolean();
    return new MhOptions(a1, d1, a2, d2, o.path("correct").asBoolean(true));
  }
}
