package org.ewb.logic.meta.conversion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The result of one conversion (Cochrane Handbook ch. 6): the derived mean and/or SD, the method
 * that produced them and the inputs it used, so that a result can be marked "derived" and a
 * reviewer can see exactly what was imputed.
 *
 * @param methodId stable identifier of the method (stored with a measurement, e.g. {@code
 *     sd-from-se}); never localised
 * @param method readable method name with its reference, e.g. "SD from SE (Cochrane Handbook
 *     6.5.2.2)"
 * @param mean the derived mean, empty when the method derives no mean
 * @param sd the derived standard deviation, empty when the method derives no SD
 * @param inputs the inputs by name, in the order given (unmodifiable)
 */
public record DerivedStatistics(
    String methodId,
    String method,
    OptionalDouble mean,
    OptionalDouble sd,
    Map<String, Double> inputs) {

  public DerivedStatistics {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  /** The derived SD; fails when this method derives none. */
  public double sdValue() {
    return sd.orElseThrow(() -> new IllegalStateException(methodId + " derives no SD"));
  }

  /** The derived mean; fails when this method derives none. */
  public double meanValue() {
    return mean.orElseThrow(() -> new IllegalStateException(methodId + " derives no mean"));
  }
}
