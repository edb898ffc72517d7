package org.ewb.logic.extraction;

import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.project.ProjectRepository;

/**
 * Several edits done and undone as one (a paste, a fill down, clearing a range), each way in one
 * transaction so that a failure half way leaves the project as it was.
 */
public final class CompoundEdit implements Edit {

  private final String description;
  private final List<Edit> edits;

  public CompoundEdit(String description, List<? extends Edit> edits) {
    this.description = description;
    this.edits = List.copyOf(edits);
  }

  public List<Edit> edits() {
    return edits;
  }

  public boolean isEmpty() {
    return edits.isEmpty();
  }

  @Override
  public void apply(ProjectRepository repository) {
    repository.inTransaction(() -> edits.forEach(e -> e.apply(repository)));
  }

  @Override
  public void revert(ProjectRepository repository) {
    List<Edit> reversed = new ArrayList<>(edits);
    java.util.Collections.reverse(reversed);
    repository.inTransaction(() -> reversed.forEach(e -> e.revert(repository)));
  }

  @Override
  public String description() {
    return description;
  }
}
