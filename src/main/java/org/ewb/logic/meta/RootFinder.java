package org.ewb.logic.meta;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Bracketing root finder for tau^2 equations (Paule-Mandel, Q-profile): Brent's method (Hipparchus
 * {@link BrentSolver}) with relative accuracy 4e-16 and absolute accuracy 1e-17, i.e. converged to
 * double precision rather than metafor's default uniroot tolerance 1.22e-4.
 */
final class RootFinder {

  static final int MAX_EVALUATIONS = 2000;

  private RootFinder() {}

  record Root(double x, int evaluations) {}

  static Root brent(DoubleUnaryOperator f, double lo, double hi) {
    BrentSolver solver = new BrentSolver(4e-16, 1e-17, 0);
    double x = solver.solve(MAX_EVALUATIONS, f::applyAsDouble, lo, hi);
    return new Root(x, solver.getEvaluations());
  }
}
