package org.ewb.logic.meta;

import java.util.List;

/**
 * Result of a subgroup analysis.
 *
 * @param levels the subgroup levels, sorted
 * @param subgroups a separate fit per level
 * @param separate test for subgroup differences with tau^2 estimated separately per subgroup
 * @param common the same with one tau^2 common to all subgroups (meta-regression on the factor)
 */
public record SubgroupResult(
    List<String> levels,
    List<Subgroup> subgroups,
    SeparateTau2Test separate,
    CommonTau2Test common) {

  public SubgroupResult {
    levels = List.copyOf(levels);
    subgroups = List.copyOf(subgroups);
  }

  /** The separate fit of one level and the row numbers (0-based, input order) of its studies. */
  public record Subgroup(String level, MetaResult fit, List<Integer> rows) {
    public Subgroup {
      rows = List.copyOf(rows);
    }
  }

  /**
   * RevMan's test for subgroup differences: the subgroup estimates combined by a common-effect
   * model with se_j; Q_between = sum (est_j - est_bar)^2 / se_j^2 ~ chi^2(levels - 1).
   */
  public record SeparateTau2Test(double qBetween, int df, double pval, double pooledEstimate) {}

  /**
   * One tau^2 shared by all subgroups: {@code withIntercept} is y ~ factor(group) (its QM tests
   * equality of the subgroup means; tau2, I^2, H^2, QE are the residual values), {@code levelMeans}
   * is y ~ factor(group) - 1 (one coefficient per level). R2 in percent as for meta-regression.
   */
  public record CommonTau2Test(
      MetaResult withIntercept, MetaResult levelMeans, double r2, String referenceLevel) {}
}
