package org.ewb.logic.meta;

/**
 * Zero-cell handling of 2x2 effect sizes (metafor {@code escalc(add=, to="only0", drop00=)}):
 * {@code add} is added to all four cells of every table with a zero cell (0 = no correction);
 * {@code drop00} removes double-zero studies instead of correcting them.
 */
public record EffectSizeOptions(double add, boolean drop00) {

  /** metafor's defaults: add 1/2 to zero-cell tables, keep double-zero tables. */
  public static final EffectSizeOptions DEFAULT = new EffectSizeOptions(0.5, false);

  public EffectSizeOptions {
    if (!(add >= 0) || !Double.isFinite(add)) {
      throw new IllegalArgumentException("add must be a finite number >= 0, was " + add);
    }
  }
}
