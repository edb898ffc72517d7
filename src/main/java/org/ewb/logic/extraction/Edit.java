package org.ewb.logic.extraction;

import org.ewb.logic.project.ProjectRepository;

/**
 * One change to a project as a record of what it did, so that it can be undone and redone (STYLE
 * habit 8: undo from change records produced by logic, not snapshots of the UI). An edit holds the
 * before and after state it needs; {@link #apply} and {@link #revert} are exact inverses. Inserting
 * edits remember the id the store gave, so a redo or an undone delete restores the same ids and
 * anything referring to them stays valid.
 */
public interface Edit {

  /** Does (or redoes) the change. */
  void apply(ProjectRepository repository);

  /** Undoes the change. */
  void revert(ProjectRepository repository);

  /** What the change did, for the Edit menu ("Undo paste"). */
  String description();
}
