package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.ewb.model.WorkbenchException;

/**
 * Subgroup analysis as in the metafor reference files: a separate model per subgroup with the test
 * for subgroup differences (Borenstein et al. 2009, ch. 19; RevMan), and a mixed-effects model with
 * the subgroup factor as moderator and one common tau^2 (Viechtbauer 2010,
 * doi:10.18637/jss.v036.i03). Studies without an effect size or without a group value are left out.
 */
public final class SubgroupAnalysis {

  private SubgroupAnalysis() {}

  /**
   * @param es effect sizes in input order
   * @param groups the group of each study (same order; null or blank = not in any subgroup)
   * @param model the model fitted within each subgroup and for the common-tau^2 test
   */
  public static SubgroupResult run(
      List<EffectSize> es, List<String> groups, RandomEffectsModel model) {
    if (es.size() != groups.size()) {
      throw new IllegalArgumentException("one group per study");
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < es.size(); i++) {
      String g = groups.get(i);
      if (es.get(i).included() && g != null && !g.isBlank()) {
        rows.add(i);
      }
    }
    // sorted as R's factor() does in an English locale: case-insensitive first
    TreeSet<String> sorted =
        new TreeSet<>(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
    rows.forEach(i -> sorted.add(groups.get(i)));
    List<String> levels = new ArrayList<>(sorted);
    if (levels.size() < 2) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("meta.error.oneSubgroup", levels.size()));
    }
    int k = rows.size();
    double[] y = new double[k];
    double[] v = new double[k];
    List<String> g = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      EffectSize e = es.get(rows.get(i));
      y[i] = e.yi();
      v[i] = e.vi();
      g.add(groups.get(rows.get(i)));
    }
    List<SubgroupResult.Subgroup> subs = new ArrayList<>();
    double[] est = new double[levels.size()];
    double[] var = new double[levels.size()];
    for (int l = 0; l < levels.size(); l++) {
      String level = levels.get(l);
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        if (g.get(i).equals(level)) {
          members.add(i);
        }
      }
      double[] yl = new double[members.size()];
      double[] vl = new double[members.size()];
      List<Integer> inputRows = new ArrayList<>();
      for (int j = 0; j < yl.length; j++) {
        yl[j] = y[members.get(j)];
        vl[j] = v[members.get(j)];
        inputRows.add(rows.get(members.get(j)));
      }
      MetaResult fit = model.fit(yl, vl);
      subs.add(new SubgroupResult.Subgroup(level, fit, inputRows));
      est[l] = fit.estimate();
      var[l] = fit.se() * fit.se();
    }
    MetaResult between = RandomEffectsModel.of(TauMethod.EE).fit(est, var);
    SubgroupResult.SeparateTau2Test sep =
        new SubgroupResult.SeparateTau2Test(
            between.qe(), between.qeDf(), between.qep(), between.estimate());

    MetaResult withIntercept = model.fit(y, v, DesignMatrix.factor(g, levels, true));
    MetaResult means = model.fit(y, v, DesignMatrix.factor(g, levels, false));
    double r2 = MetaRegression.r2(model, y, v, withIntercept);
    return new SubgroupResult(
        levels,
        subs,
        sep,
        new SubgroupResult.CommonTau2Test(withIntercept, means, r2, levels.get(0)));
  }
}
