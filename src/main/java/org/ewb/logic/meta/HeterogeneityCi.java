package org.ewb.logic.meta;

/**
 * Q-profile confidence interval of tau^2 (Viechtbauer 2007, doi:10.1002/sim.2514) and the implied
 * intervals of tau, I^2 (percent) and H^2. {@code lbSign}/{@code ubSign} are {@code ">"} when the
 * bound is at the upper end of the search interval (the true bound is larger), else {@code ""};
 * {@code ciNull} is true when the whole interval is {0}.
 */
public record HeterogeneityCi(
    double tau2Lb,
    double tau2Ub,
    double tauLb,
    double tauUb,
    double i2Lb,
    double i2Ub,
    double h2Lb,
    double h2Ub,
    String lbSign,
    String ubSign,
    boolean ciNull) {}
