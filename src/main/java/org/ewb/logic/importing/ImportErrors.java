package org.ewb.logic.importing;

import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/** The refusals of the importers: a {@link WorkbenchException} naming file, place and problem. */
final class ImportErrors {

  private ImportErrors() {}

  /** A file that cannot be imported at all; nothing of it is stored. */
  static WorkbenchException refuse(String file, int line, String key, Object... args) {
    String place = line > 0 ? file + ", " + Localization.lang("import.place.line", line) : file;
    return new WorkbenchException(
        WorkbenchException.Kind.FILE,
        Localization.lang("import.refused", place, Localization.lang(key, args)));
  }

  static WorkbenchException data(String message) {
    return new WorkbenchException(WorkbenchException.Kind.DATA, message);
  }

  static WorkbenchException usage(String key, Object... args) {
    return new WorkbenchException(WorkbenchException.Kind.USAGE, Localization.lang(key, args));
  }
}
