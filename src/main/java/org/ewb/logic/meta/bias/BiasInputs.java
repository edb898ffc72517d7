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
}
