package org.ewb.logic.validation;

import java.util.Locale;
import org.ewb.logic.l10n.Localization;

/**
 * The number cells of a measurement or generic estimate, with the rules a single cell must meet.
 */
public enum Column {
  N("n", Rule.COUNT_AT_LEAST_ONE),
  MEAN("mean", Rule.ANY),
  SD("sd", Rule.POSITIVE),
  EVENTS("events", Rule.COUNT),
  TOTAL("total", Rule.COUNT_AT_LEAST_ONE),
  SE("se", Rule.POSITIVE),
  CI_LOWER("ciLower", Rule.ANY),
  CI_UPPER("ciUpper", Rule.ANY),
  MEDIAN("median", Rule.ANY),
  Q1("q1", Rule.ANY),
  Q3("q3", Rule.ANY),
  MIN("min", Rule.ANY),
  MAX("max", Rule.ANY),
  PERCENT_CHANGE("percentChange", Rule.ANY),
  EFFECT("effect", Rule.ANY),
  EFFECT_SE("effectSe", Rule.POSITIVE);

  /** What a single cell's number must be. */
  enum Rule {
    ANY,
    POSITIVE,
    /** A whole number >= 0. */
    COUNT,
    /** A whole number >= 1. */
    COUNT_AT_LEAST_ONE
  }

  private final String key;
  private final Rule rule;

  Column(String key, Rule rule) {
    this.key = key;
    this.rule = rule;
  }

  /** Stable key used in {@link Problem#column()} (the model's component name). */
  public String key() {
    return key;
  }

  Rule rule() {
    return rule;
  }

  /** Display name ("SD", "CI lower") in the current language. */
  public String label() {
    return Localization.lang(labelKey());
  }

  /** The message key of the label ({@code persist.col.<key>}). */
  public String labelKey() {
    return LABEL_PREFIX + key;
  }

  private static final String LABEL_PREFIX = "persist.col.";

  /** The column with this key. */
  public static Column of(String key) {
    for (Column c : values()) {
      if (c.key.equals(key) || c.name().equals(key.toUpperCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("no such column: " + key);
  }
}
