package org.ewb.logic.meta.bias;

import static org.ewb.logic.l10n.Localization.lang;

import org.ewb.model.WorkbenchException;

/** Input checks shared by the small-study-effect methods. */
final class BiasInputs {

  private BiasInputs() {}

  /** Fails with a message naming the method and the study (1-based) when yi or vi is unusable. */
  static void checkStudy(String method, int index, double yi, double vi) {
    if (!Double.isFinite(yi) || !Double.isFinite(vi) || !(vi > 0)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          lang(
              "bias.error.badStudy",
              method,
              String.valueOf(index + 1),
              String.valueOf(yi),
              String.valueOf(vi)));
    }
  }

  /**
   * Fails when the standard errors hardly vary: Egger's regression on sqrt(vi) then has no slope to
   * estimate (identical studies gave a slope SE of 8.6e6 instead of a refusal). The criterion is
   * the weighted relative spread of the SEs, det(X'WX) / (sum w x)^2 &lt; 1e-10, i.e. their
   * weighted coefficient of variation below 1e-5.
   */
  static void requireVaryingSe(String method, double[] sei) {
    double sw = 0;
    double swx = 0;
    double swxx = 0;
    for (double x : sei) {
      double w = 1 / (x * x);
      sw += w;
      swx += w * x;
      swxx += w * x * x;
    }
    double det = sw * swxx - swx * swx;
    if (!(det / (swx * swx) >= 1e-10)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("bias.error.constantSe", method, sei.length));
    }
  }
}
