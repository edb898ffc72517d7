package org.ewb.model;

/** The kind of data extracted for an outcome. */
public enum OutcomeKind {
  /** n, mean, SD per arm. */
  CONTINUOUS,
  /** events / total per arm. */
  DICHOTOMOUS,
  /** a contrast-level effect estimate with its SE per study. */
  GENERIC
}
