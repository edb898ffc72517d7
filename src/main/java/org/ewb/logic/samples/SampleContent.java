package org.ewb.logic.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;

/**
 * Compares sample projects by content: two builds of a sample differ only in their creation and
 * modification times, so those are blanked before comparing; everything else (ids, order, every
 * cell, provenance, layouts) must be equal.
 */
public final class SampleContent {

  private SampleContent() {}

  /** The snapshot with the project's created / modified times removed. */
  public static ProjectData comparable(ProjectData d) {
    Project p = d.project();
    Project bare =
        new Project(p.title(), p.reviewQuestion(), p.reviewers(), null, null, p.schemaVersion());
    return new ProjectData(
        bare,
        d.studies(),
        d.fields(),
        d.values(),
        d.arms(),
        d.outcomes(),
        d.timePoints(),
        d.measurements(),
        d.genericEstimates(),
        d.layouts(),
        d.analyses(),
        d.layoutContent());
  }

  /**
   * Differences between two snapshots (ignoring timestamps), at most {@code limit}, each naming the
   * list and index; empty when the content is the same.
   */
  public static List<String> differences(ProjectData expected, ProjectData actual, int limit) {
    ProjectData e = comparable(expected);
    ProjectData a = comparable(actual);
    List<String> out = new ArrayList<>();
    if (!Objects.equals(e.project(), a.project())) {
      out.add("project: expected " + e.project() + ", found " + a.project());
    }
    compare("studies", e.studies(), a.studies(), out);
    compare("fields", e.fields(), a.fields(), out);
    compare("values", e.values(), a.values(), out);
    compare("arms", e.arms(), a.arms(), out);
    compare("outcomes", e.outcomes(), a.outcomes(), out);
    compare("timePoints", e.timePoints(), a.timePoints(), out);
    compare("measurements", e.measurements(), a.measurements(), out);
    compare("genericEstimates", e.genericEstimates(), a.genericEstimates(), out);
    compare("layouts", e.layouts(), a.layouts(), out);
    compare("analyses", e.analyses(), a.analyses(), out);
    compare("layoutCells", e.layoutContent().cells(), a.layoutContent().cells(), out);
    compare("layoutColumns", e.layoutContent().columns(), a.layoutContent().columns(), out);
    compare("layoutOptions", e.layoutContent().options(), a.layoutContent().options(), out);
    compare("glossary", e.layoutContent().glossary(), a.layoutContent().glossary(), out);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
  }

  private static void compare(String what, List<?> e, List<?> a, List<String> out) {
    if (e.size() != a.size()) {
      out.add(what + ": expected " + e.size() + " entries, found " + a.size());
    }
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      if (!Objects.equals(e.get(i), a.get(i))) {
        out.add(what + "[" + i + "]: expected " + e.get(i) + ", found " + a.get(i));
      }
    }
  }
}
