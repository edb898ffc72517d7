package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import org.ewb.model.Arm;
import org.ewb.model.Study;
import org.ewb.model.WorkbenchException;

/** Reading an arm's label, role and number randomised as typed in a grid (outcome or Studies). */
final class ArmCells {

  static final int LABEL = 0;
  static final int ROLE = 1;
  static final int RANDOMISED = 2;

  private ArmCells() {}

  /** An arm with one of its grid cells (label, role, number randomised) changed. */
  static Arm with(Arm a, int column, String text, Study study) {
    String t = text.strip();
    if (column == LABEL) {
      if (t.isEmpty()) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA, lang("invalid.emptyArm", study.label()));
      }
      return new Arm(
          a.id(), a.studyId(), t, a.role(), a.intervention(), a.randomised(), a.displayOrder());
    }
    if (column == ROLE) {
      org.ewb.model.ArmRole role =
          ArmRoles.parse(t)
              .orElseThrow(
                  () ->
                      new WorkbenchException(
                          WorkbenchException.Kind.DATA,
                          lang(
                              "invalid.role",
                              t,
                              study.label() + " \u00b7 " + a.label(),
                              String.join(", ", ArmRoles.choices()))));
      return new Arm(
          a.id(), a.studyId(), a.label(), role, a.intervention(), a.randomised(), a.displayOrder());
    }
    Integer randomised = null;
    if (!t.isEmpty()) {
      try {
        randomised = Integer.valueOf(t);
      } catch (NumberFormatException e) {
        randomised = -1;
      }
      if (randomised < 1) {
        throw new WorkbenchException(
            WorkbenchException.Kind.DATA,
            lang("invalid.randomised", t, study.label() + " \u00b7 " + a.label()));
      }
    }
    return new Arm(
        a.id(), a.studyId(), a.label(), a.role(), a.intervention(), randomised, a.displayOrder());
  }
}
