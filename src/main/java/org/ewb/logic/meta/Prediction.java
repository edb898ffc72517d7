package org.ewb.logic.meta;

/**
 * A predicted (pooled) value with its standard error, confidence interval and prediction interval
 * (metafor {@code predict}). The prediction interval is pred -/+ crit sqrt(se^2 + tau^2) (Higgins,
 * Thompson and Spiegelhalter 2009, doi:10.1111/j.1467-985X.2008.00552.x); it is NaN for the
 * common-effect model. {@code piDf} is the t degrees of freedom of the interval (NaN = normal).
 */
public record Prediction(
    double pred, double se, double ciLb, double ciUb, double piLb, double piUb, double piDf) {}
