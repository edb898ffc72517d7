package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import org.ewb.logic.extraction.Edits;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.model.Outcome;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.MainViewModel;

/**
 * The outcomes of the project as the navigator and the Outcome menu change them: add, edit, move
 * and delete, each one undoable step stored at once.
 */
public final class OutcomesViewModel {

  private final MainViewModel main;

  public OutcomesViewModel(MainViewModel main) {
    this.main = main;
  }

  private ProjectCache p() {
    ProjectCache p = main.project();
    if (p == null) {
      throw new WorkbenchException(WorkbenchException.Kind.USAGE, lang("error.noProject"));
    }
    return p;
  }

  public Outcome add(Outcome o) {
    ProjectCache p = p();
    if (p.outcomes().stream().anyMatch(x -> x.name().equalsIgnoreCase(o.name()))) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("outcome.nameTaken", o.name()));
    }
    var e = Edits.addOutcome(p, o);
    main.history().perform(e, p);
    return e.entity();
  }

  public void update(Outcome o) {
    ProjectCache p = p();
    if (p.outcomes().stream()
        .anyMatch(x -> x.id() != o.id() && x.name().equalsIgnoreCase(o.name()))) {
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA, lang("outcome.nameTaken", o.name()));
    }
    if (!p.outcome(o.id()).orElseThrow().equals(o)) {
      main.history().perform(Edits.updateOutcome(p, o), p);
    }
  }

  /** Moves an outcome up (negative) or down among the outcomes. */
  public void move(Outcome o, int delta) {
    ProjectCache p = p();
    int index = p.outcomes().indexOf(p.outcome(o.id()).orElseThrow());
    main.history().perform(Edits.moveOutcome(p, o.id(), index + delta), p);
  }

  public void delete(Outcome o) {
    ProjectCache p = p();
    main.history().perform(Edits.deleteOutcome(p, o.id()), p);
  }

  /** How much data deleting an outcome removes, for the confirmation. */
  public int dataCount(Outcome o) {
    ProjectCache p = p();
    int n = 0;
    for (var t : p.timePointsOf(o.id())) {
      n += p.measurementsOfTimePoint(t.id()).size() + p.estimatesOfTimePoint(t.id()).size();
    }
    return n;
  }
}
