package org.ewb.logic.meta;

import java.util.ArrayList;
import java.util.List;

/**
 * The k x p model matrix X of a (meta-)regression, stored by column so that every computation is a
 * pass over k rows with O(p^2) work each. Column names follow metafor ({@code intrcpt} for the
 * intercept).
 */
public final class DesignMatrix {

  private final List<String> names;
  private final double[][] columns;
  private final int k;

  private DesignMatrix(List<String> names, double[][] columns) {
    this.names = List.copyOf(names);
    this.columns = columns;
    this.k = columns.length == 0 ? 0 : columns[0].length;
    if (names.size() != columns.length) {
      throw new IllegalArgumentException("one name per column");
    }
    for (double[] c : columns) {
      if (c.length != k) {
        throw new IllegalArgumentException("columns differ in length");
      }
    }
  }

  /** The intercept-only model (a column of ones). */
  public static DesignMatrix intercept(int k) {
    double[] ones = new double[k];
    java.util.Arrays.fill(ones, 1.0);
    return new DesignMatrix(List.of("intrcpt"), new double[][] {ones});
  }

  /** A matrix from named columns (copied). */
  public static DesignMatrix of(List<String> names, List<double[]> columns) {
    double[][] c = new double[columns.size()][];
    for (int j = 0; j < c.length; j++) {
      c[j] = columns.get(j).clone();
    }
    return new DesignMatrix(names, c);
  }

  /** Intercept plus one continuous moderator. */
  public static DesignMatrix interceptAnd(String name, double[] moderator) {
    double[] ones = new double[moderator.length];
    java.util.Arrays.fill(ones, 1.0);
    return new DesignMatrix(List.of("intrcpt", name), new double[][] {ones, moderator.clone()});
  }

  /**
   * Dummy coding of a factor: with intercept, the first level is the reference (metafor {@code mods
   * = ~ factor(g)}); without, one indicator per level ({@code ~ factor(g) - 1}).
   */
  public static DesignMatrix factor(List<String> groups, List<String> levels, boolean intercept) {
    int k = groups.size();
    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    if (intercept) {
      names.add("intrcpt");
      double[] ones = new double[k];
      java.util.Arrays.fill(ones, 1.0);
      cols.add(ones);
    }
    for (int l = intercept ? 1 : 0; l < levels.size(); l++) {
      double[] c = new double[k];
      for (int i = 0; i < k; i++) {
        c[i] = levels.get(l).equals(groups.get(i)) ? 1 : 0;
      }
      names.add(levels.get(l));
      cols.add(c);
    }
    return new DesignMatrix(names, cols.toArray(new double[0][]));
  }

  /** Rows {@code keep} only (e.g. the studies with an effect size). */
  public DesignMatrix rows(boolean[] keep) {
    int n = 0;
    for (boolean b : keep) {
      n += b ? 1 : 0;
    }
    double[][] c = new double[columns.length][n];
    for (int j = 0; j < columns.length; j++) {
      int m = 0;
      for (int i = 0; i < k; i++) {
        if (keep[i]) {
          c[j][m++] = columns[j][i];
        }
      }
    }
    return new DesignMatrix(names, c);
  }

  public int rows() {
    return k;
  }

  public int columns() {
    return columns.length;
  }

  public List<String> names() {
    return names;
  }

  public double get(int row, int col) {
    return columns[col][row];
  }

  /** Whether column {@code j} is all ones. */
  boolean isInterceptColumn(int j) {
    for (double v : columns[j]) {
      if (v != 1.0) {
        return false;
      }
    }
    return true;
  }

  /** Raw column access for the estimators in this package (not copied: do not modify). */
  double[][] raw() {
    return columns;
  }
}
