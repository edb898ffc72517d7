package org.ewb.logic.meta;

/**
 * One fixed-effect coefficient of a fitted model: estimate, standard error, test statistic (z, or t
 * with {@code df} for Knapp-Hartung; {@code df} is NaN for z), two-sided p-value and confidence
 * interval.
 */
public record Coefficient(
    String name,
    double estimate,
    double se,
    double stat,
    double df,
    double pval,
    double ciLb,
    double ciUb) {}
