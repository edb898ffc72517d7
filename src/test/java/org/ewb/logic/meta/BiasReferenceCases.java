package org.ewb.logic.meta;

import static org.ewb.logic.meta.ReferenceCase.CLOSED_FORM;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewb.logic.meta.bias.EggerRegressionTest;
import org.ewb.logic.meta.bias.RankCorrelationTest;

/**
 * Checks one {@code analysis = "bias"} reference case: regtest (rma REML / EE, lm), ranktest and
 * trim-and-fill (REML / EE), every numeric field, against {@code results_strict}. Called from the
 * golden test's dispatch.
 */
public final class BiasReferenceCases {

  private BiasReferenceCases() {}

  public static void check(ReferenceCase c) {
    double[] yi = c.yi();
    double[] vi = c.vi();
    JsonNode exp = c.expected();

    JsonNode rank = exp.get("ranktest");
    RankCorrelationTest.Result r = RankCorrelationTest.withDefaults().test(yi, vi);
    c.check("ranktest", rank, "tau", r.tau(), CLOSED_FORM);
    c.check("ranktest", rank, "pval", r.pval(), CLOSED_FORM);
    boolean refWarnsTies = rank.path("warnings").isArray() && rank.path("warnings").size() > 0;
    if (refWarnsTies == r.exact()) {
      c.mismatch(
          "ranktest: exact = " + r.exact() + " but reference warnings = " + rank.get("warnings"));
    }

    JsonNode lm = exp.get("regtest_lm");
    EggerRegressionTest.Result e = EggerRegressionTest.withDefaults().test(yi, vi);
    c.check("regtest_lm", lm, "tval", e.tval(), CLOSED_FORM);
    c.check("regtest_lm", lm, "df", e.df(), 0);
    c.check("regtest_lm", lm, "pval", e.pval(), CLOSED_FORM);
    c.check("regtest_lm", lm, "limit_estimate", e.limitEstimate(), CLOSED_FORM);
    c.check("regtest_lm", lm, "limit_ci_lb", e.limitCiLb(), CLOSED_FORM);
    c.check("regtest_lm", lm, "limit_ci_ub", e.limitCiUb(), CLOSED_FORM);
    c.check("regtest_lm", lm, "fit_intercept", e.limitEstimate(), CLOSED_FORM);
    c.check("regtest_lm", lm, "fit_slope", e.slope(), CLOSED_FORM);
    c.check("regtest_lm", lm, "fit_slope_se", e.slopeSe(), CLOSED_FORM);
    c.check("regtest_lm", lm, "fit_residual_scale", e.residualScale(), CLOSED_FORM);

    c.assertNoMismatches();
  }
}
