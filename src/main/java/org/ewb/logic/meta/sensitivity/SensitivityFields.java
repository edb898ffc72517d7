package org.ewb.logic.meta.sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewb.logic.meta.BackTransform;

/**
 * Renders leave-one-out / cumulative rows as in the metafor reference files ({@code rows[]}: {@code
 * row, study, estimate, se, zval, pval, ci_lb, ci_ub, Q, Qp, tau2, I2, H2, *_bt}); a failed refit
 * has null values and its reason in {@code error}.
 */
public final class SensitivityFields {

  private static final List<String> VALUE_KEYS =
      List.of("estimate", "se", "zval", "pval", "ci_lb", "ci_ub", "Q", "Qp", "tau2", "I2", "H2");

  private SensitivityFields() {}

  public static List<Map<String, Object>> rows(List<SensitivityRow> rows, BackTransform bt) {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (SensitivityRow r : rows) {
      out.add(row(r, bt));
    }
    return out;
  }

  public static Map<String, Object> row(SensitivityRow r, BackTransform bt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("row", r.row());
    m.put("study", r.study());
    if (r.failed()) {
      for (String key : VALUE_KEYS) {
        m.put(key, null);
      }
      if (bt != BackTransform.NONE) {
        m.put("estimate_bt", null);
        m.put("ci_lb_bt", null);
        m.put("ci_ub_bt", null);
      }
      m.put("error", r.failure());
      return m;
    }
    Map<String, Object> pooled = r.fit().fields(bt);
    pooled.put("Q", pooled.remove("QE"));
    pooled.put("Qp", pooled.remove("QEp"));
    m.putAll(pooled);
    return m;
  }
}
