package org.ewb.logic.meta;

/**
 * Inference for the fixed effects: {@code Z} (normal) or {@code KNHA}: Hartung-Knapp /
 * Knapp-Hartung (t with k - p df and the variance scaled by s2w; Hartung and Knapp 2001,
 * doi:10.1002/sim.1040; Knapp and Hartung 2003, doi:10.1002/sim.1482).
 */
public enum TestType {
  Z,
  KNHA
}
