package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;

/** Arm roles as the grids show and read them, in either language. */
public final class ArmRoles {

  private ArmRoles() {}

  public static String text(ArmRole r) {
    return lang("role." + r.name().toLowerCase(Locale.ROOT));
  }

  /** The roles in the current language, for choice cells. */
  public static List<String> choices() {
    return List.of(ArmRole.values()).stream().map(ArmRoles::text).toList();
  }

  /** Reads a role typed in English or Chinese, or as its constant name ("control", "C"...). */
  public static Optional<ArmRole> parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    for (ArmRole r : ArmRole.values()) {
      String key = "role." + r.name().toLowerCase(Locale.ROOT);
      if (t.equalsIgnoreCase(r.name())
          || t.equalsIgnoreCase(lang(Locale.ENGLISH, key))
          || t.equals(lang(Localization.CHINESE, key))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The role a new arm gets: the first arm of a study is experimental, the first arm after it
   * control, later ones "other" (changed in the grid's Role column).
   */
  public static ArmRole forNewArm(List<Arm> existing) {
    if (existing.stream().noneMatch(a -> a.role() == ArmRole.EXPERIMENTAL)) {
      return ArmRole.EXPERIMENTAL;
    }
    if (existing.stream().noneMatch(a -> a.role() == ArmRole.CONTROL)) {
      return ArmRole.CONTROL;
    }
    return ArmRole.OTHER;
  }
}
