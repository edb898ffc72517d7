package org.ewb.logic.meta;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One metafor reference case file ({@code src/test/resources/metafor/<case>.json}, see its README)
 * and a comparison helper with named tolerances that collects every mismatch of a case before
 * failing, so one run shows all of them.
 */
public final class ReferenceCase {

  /** Closed-form quantities (EE fits, lm, ranktest): exact to rounding (README). */
  public static final double CLOSED_FORM = 1e-10;

  /** Quantities resting on an iterative REML fit, compared with {@code results_strict}. */
  public static final double ITERATIVE = 1e-8;

  /** Absolute floor: a strict tau2 of order 1e-13 is the iteration creeping towards 0 (README). */
  public static final double ABS_FLOOR = 1e-10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final JsonNode root;
  private final List<String> mismatches = new ArrayList<>();

  private ReferenceCase(String id, JsonNode root) {
    this.id = id;
    this.root = root;
  }

  /** Loads {@code metafor/<file>} from the test class path. */
  public static ReferenceCase load(String file) {
    try (InputStream in = ReferenceCase.class.getResourceAsStream("/metafor/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no reference file " + file);
      }
      return new ReferenceCase(file.replace(".json", ""), JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cases of {@code index.json} with the given analysis, as file names. */
  public static List<String> casesOf(String analysis) {
    try (InputStream in = ReferenceCase.class.getResourceAsStream("/metafor/index.json")) {
      List<String> files = new ArrayList<>();
      for (JsonNode c : JSON.readTree(in).get("cases")) {
        if (analysis.equals(c.get("analysis").asText())) {
          files.add(c.get("file").asText());
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String id() {
    return id;
  }

  public JsonNode root() {
    return root;
  }

  /** {@code results_strict} where present (README: compare with it), else {@code results}. */
  public JsonNode expected() {
    JsonNode strict = root.get("results_strict");
    return strict != null && !strict.isNull() ? strict : root.get("results");
  }

  /** Per-study yi in data order. */
  public double[] yi() {
    return column("yi");
  }

  /** Per-study vi in data order. */
  public double[] vi() {
    return column("vi");
  }

  public List<String> studyLabels() {
    List<String> labels = new ArrayList<>();
    for (JsonNode s : root.get("studies")) {
      labels.add(s.get("study").asText());
    }
    return labels;
  }

  private double[] column(String name) {
    JsonNode studies = root.get("studies");
    double[] v = new double[studies.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode x = studies.get(i).get(name);
      v[i] = x == null || x.isNull() ? Double.NaN : x.asDouble();
    }
    return v;
  }

  /** Compares one number; a missing or null expected field is a mismatch too (nothing skipped). */
  public void check(
      String where, JsonNode expectedObject, String field, double actual, double rel) {
    JsonNode e = expectedObject.get(field);
    if (e == null || e.isNull() || !e.isNumber()) {
      mismatches.add(where + "." + field + ": reference has no number (" + e + ")");
      return;
    }
    double exp = e.asDouble();
    double tol = Math.max(rel * Math.abs(exp), ABS_FLOOR);
    if (!(Math.abs(actual - exp) <= tol)) {
      mismatches.add(
          String.format(
              "%s.%s: expected %.17g, got %.17g (rel diff %.2e, tol %.1e)",
              where, field, exp, actual, Math.abs(actual - exp) / Math.abs(exp), rel));
    }
  }

  /** Records a non-numeric mismatch. */
  public void mismatch(String message) {
    mismatches.add(message);
  }

  /** Fails listing every mismatch found in this case. */
  public void assertNoMismatches() {
    if (!mismatches.isEmpty()) {
      fail(id + ": " + mismatches.size() + " mismatch(es):\n  " + String.join("\n  ", mismatches));
    }
  }
}
