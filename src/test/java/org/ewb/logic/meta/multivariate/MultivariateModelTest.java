package org.ewb.logic.meta.multivariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multivariate model against metafor 3.8-1 {@code rma.mv} (REML; references written by {@code
 * src/test/resources/metafor-mv/generate.R} into {@code mv-references.json}): ishak2007 (CS, HCS,
 * AR; within-study correlation 0, 0.5, 0.8), fine1993 (AR, CAR) and a simulated dataset (CS, HCS,
 * AR, CAR).
 */
class MultivariateModelTest {

  /** Relative agreement on estimates, SEs and variance components (issue 13). */
  static final double REL = 1e-6;

  record Case(String name, JsonNode node) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    JsonNode root;
    try (InputStream in =
        MultivariateModelTest.class.getResourceAsStream("/metafor-mv/mv-references.json")) {
      root = new ObjectMapper().readTree(in);
    }
    List<Case> cases = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      cases.add(
          new Case(
              c.get("dataset").asText()
                  + " "
                  + c.get("struct").asText()
                  + " rho_w="
                  + c.get("rho_within").asDouble(),
              c));
    }
    return cases.stream();
  }

  static TimeSeriesData data(JsonNode c) {
    JsonNode d = c.get("data");
    boolean car = "CAR".equals(c.get("struct").asText());
    List<TimeSeriesData.Observation> obs = new ArrayList<>();
    for (int i = 0; i < d.get("yi").size(); i++) {
      // metafor's AR runs over the order of the time points; CAR over months
      double t = car ? d.get("months").get(i).asDouble() : d.get("time").get(i).asDouble();
      obs.add(
          new TimeSeriesData.Observation(
              d.get("study").get(i).asText(),
              t,
              d.get("yi").get(i).asDouble(),
              d.get("vi").get(i).asDouble()));
    }
    return new TimeSeriesData(obs);
  }

  static MultivariateResult fit(Case c) {
    return MultivariateModel.of(CovarianceStructure.parse(c.node().get("struct").asText()))
        .withRhoWithin(c.node().get("rho_within").asDouble())
        .fit(data(c.node()));
  }

  static void close(String what, double expected, double actual, double rel) {
    double tol = rel * Math.max(Math.abs(expected), 1e-8);
    assertEquals(expected, actual, tol, what);
  }

  static void close(String what, JsonNode expected, double[] actual, double rel) {
    if (!expected.isArray()) {
      // jsonlite writes a vector of length one as a scalar
      assertEquals(1, actual.length, what + " length");
      close(what, expected.asDouble(), actual[0], rel);
      return;
    }
    assertEquals(expected.size(), actual.length, what + " length");
    for (int i = 0; i < actual.length; i++) {
      close(what + "[" + i + "]", expected.get(i).asDouble(), actual[i], rel);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void estimatesAndStandardErrorsMatchMetafor(Case c) {
    MultivariateResult r = fit(c);
    JsonNode x = c.node().get("results");
    assertTrue(r.converged(), "converged");
    close("beta", x.get("beta"), r.beta(), REL);
    close("se", x.get("se"), r.se(), REL);
    close("ci_lb", x.get("ci_lb"), r.ciLb(), REL);
    close("ci_ub", x.get("ci_ub"), r.ciUb(), REL);
    close("zval", x.get("zval"), r.zval(), REL);
    close("pi_lb", x.get("pi_lb"), r.piLb(), REL);
    close("pi_ub", x.get("pi_ub"), r.piUb(), REL);
    for (int i = 0; i < r.vb().length; i++) {
      close("vb row " + i, x.get("vb").get(i), r.vb()[i], REL);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void varianceComponentsMatchMetafor(Case c) {
    MultivariateResult r = fit(c);
    JsonNode x = c.node().get("results");
    close("tau2", x.get("tau2"), r.tau2(), REL);
    close("rho", x.get("rho").asDouble(), r.rho(), REL);
    close("logLik", x.get("logLik_reml").asDouble(), r.logLikReml(), 1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void testsMatchMetafor(Case c) {
    MultivariateResult r = fit(c);
    JsonNode x = c.node().get("results");
    close("QE", x.get("QE").asDouble(), r.qe(), 1e-9);
    close("QEp", x.get("QEp").asDouble(), r.qep(), 1e-6);
    close("QM change", x.get("QM_change").asDouble(), r.qmChange(), REL);
    assertEquals(x.get("QM_change_df").asInt(), r.qmChangeDf());
    close("QMp change", x.get("QMp_change").asDouble(), r.qmChangeP(), 1e-5);
    for (int j = 0; j < r.kPerTime().length; j++) {
      assertEquals(x.get("k_per_time").get(j).asInt(), r.kPerTime()[j], "k at time " + j);
    }
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(CovarianceStructure.class)
  void recoversTheTrueTrajectoryOfTheBenchmarkData(CovarianceStructure s) {
    // simulated with mean -0.6 + 0.4 j/5 at the 6 time points (MultivariateFitBenchmark)
    MultivariateResult r =
        MultivariateModel.of(s).fit(org.ewb.bench.MultivariateFitBenchmark.data(300, 7L));
    assertTrue(r.converged(), "converged");
    for (int j = 0; j < 6; j++) {
      double truth = -0.6 + 0.4 * j / 5.0;
      assertEquals(truth, r.beta()[j], 4 * r.se()[j], "time " + j);
    }
  }

  @org.junit.jupiter.api.Test
  void aSecondValueAtOneTimePointIsAnErrorNamingTheStudy() {
    WorkbenchException e =
        assertThrows(
            WorkbenchException.class,
            () ->
                new TimeSeriesData(
                    List.of(
                        new TimeSeriesData.Observation("Yao 2022", 12, 1, 0.1),
                        new TimeSeriesData.Observation("Yao 2022", 12, 2, 0.1))));
    assertTrue(e.getMessage().contains("Yao 2022"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aWithinStudyCorrelationOutsideMinusOneOneIsRefused() {
    assertThrows(
        WorkbenchException.class,
        () -> MultivariateModel.of(CovarianceStructure.CS).withRhoWithin(1.0));
  }
}
