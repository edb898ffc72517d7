package org.ewb.logic.export;

import java.util.Optional;
import java.util.stream.Collectors;
import org.ewb.model.ProjectData;
import org.ewb.model.TableLayout;
import org.ewb.model.WorkbenchException;

/** Finds a project's named table layout. */
public final class TableLayouts {

  private TableLayouts() {}

  /**
   * The layout called {@code name} (case-insensitive), or empty if {@code name} is null/blank.
   *
   * @throws WorkbenchException (USAGE) naming the layouts the project has, if there is none so
   *     named
   */
  public static Optional<TableLayout> find(ProjectData data, String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        data.layouts().stream()
            .filter(l -> l.name().equalsIgnoreCase(name.strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    new WorkbenchException(
                        WorkbenchException.Kind.USAGE,
                        "The project has no table layout named '"
                            + name
                            + "'. Layouts: "
                            + (data.layouts().isEmpty()
                                ? "(none)"
                                : data.layouts().stream()
                                    .map(l -> "'" + l.name() + "'")
                                    .collect(Collectors.joining(", "))))));
  }
}
