package org.ewb.logic.extraction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ewb.logic.project.ProjectRepository;

/**
 * The undo and redo stacks of one open project. {@link #perform} applies an edit and records it; a
 * new edit clears the redo stack. An edit that fails is not recorded (the store rolled it back).
 * Holds at most {@value #LIMIT} edits.
 */
public final class UndoHistory {

  public static final int LIMIT = 1000;

  private final Deque<Edit> undo = new ArrayDeque<>();
  private final Deque<Edit> redo = new ArrayDeque<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /**
   * Performs edits as one undoable step: nothing for none, the edit itself for one, a group named
   * {@code description} for several (a paste, a fill, a multi-cell clear).
   */
  public void performAll(String description, List<? extends Edit> edits, ProjectRepository r) {
    if (edits.size() == 1) {
      perform(edits.get(0), r);
    } else if (!edits.isEmpty()) {
      perform(Edits.group(description, edits), r);
    }
  }

  /** Applies the edit to the repository and records it for undo. */
  public void perform(Edit edit, ProjectRepository repository) {
    if (edit instanceof CompoundEdit c && c.isEmpty()) {
      return;
    }
    edit.apply(repository);
    undo.push(edit);
    if (undo.size() > LIMIT) {
      undo.removeLast();
    }
    redo.clear();
    fire();
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** The edit that {@link #undo} would revert. */
  public Optional<Edit> nextUndo() {
    return Optional.ofNullable(undo.peek());
  }

  public Optional<Edit> nextRedo() {
    return Optional.ofNullable(redo.peek());
  }

  /** Reverts the last edit; returns it, or empty if there is nothing to undo. */
  public Optional<Edit> undo(ProjectRepository repository) {
    Edit e = undo.peek();
    if (e == null) {
      return Optional.empty();
    }
    e.revert(repository);
    undo.pop();
    redo.push(e);
    fire();
    return Optional.of(e);
  }

  /** Re-applies the last undone edit; returns it, or empty if there is nothing to redo. */
  public Optional<Edit> redo(ProjectRepository repository) {
    Edit e = redo.peek();
    if (e == null) {
      return Optional.empty();
    }
    e.apply(repository);
    redo.pop();
    undo.push(e);
    fire();
    return Optional.of(e);
  }

  public void clear() {
    undo.clear();
    redo.clear();
    fire();
  }

  /** Called after every change of the stacks. */
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  private void fire() {
    listeners.forEach(Runnable::run);
  }
}
