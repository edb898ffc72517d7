package org.ewb.logic.meta;

import java.util.List;
import java.util.Map;

/**
 * Which arms of a study form the comparison of an analysis. By default the arms marked experimental
 * are compared with the arms marked control; where several arms of one side have data (a multi-arm
 * trial: two doses and one control) they are combined into one group, as the Cochrane Handbook
 * recommends (section 6.5.2.10; Higgins et al. 2023) so that the control group is not counted
 * twice. A choice per study (by study id) names the arms of each side explicitly: one arm to pick
 * it, several to combine them.
 */
public record ArmSelection(Map<Long, Sides> perStudy) {

  /** The arms of each side of one study's comparison, by arm id. */
  public record Sides(List<Long> experimental, List<Long> control) {
    public Sides {
      experimental = List.copyOf(experimental);
      control = List.copyOf(control);
    }
  }

  /** By role: experimental vs control arms, several of a side combined. */
  public static final ArmSelection BY_ROLE = new ArmSelection(Map.of());

  public ArmSelection {
    perStudy = perStudy == null ? Map.of() : Map.copyOf(perStudy);
  }

  public boolean isByRole() {
    return perStudy.isEmpty();
  }
}
