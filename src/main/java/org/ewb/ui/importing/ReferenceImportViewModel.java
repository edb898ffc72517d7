package org.ewb.ui.importing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.importing.ImportProgress;
import org.ewb.logic.importing.RefRecord;
import org.ewb.logic.importing.ReferenceImporter;
import org.ewb.logic.importing.ReferenceReader;
import org.ewb.logic.importing.ReferenceStore;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.WorkbenchException;

/**
 * The reference import of the window: reads and plans a file (any thread), holds the reviewer's
 * Merge / Keep both choice per duplicate pair, and stores the import through the open project's
 * cache (so the window's grids see the new studies) in one transaction.
 */
public final class ReferenceImportViewModel {

  private final ProjectCache project;
  private final ReferenceStore references;
  private ReferenceImporter.Plan plan;
  private final Map<Integer, ReferenceImporter.Decision> decisions = new HashMap<>();
  private final ObjectProperty<StudyStatus> status =
      new SimpleObjectProperty<>(StudyStatus.INCLUDED);

  public ReferenceImportViewModel(ProjectCache project) {
    this.project = project;
    if (!(project.store() instanceof ReferenceStore r)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("import.ui.noReferences"));
    }
    this.references = r;
  }

  /** Reads the file and finds duplicates; nothing is stored. Safe off the FX thread. */
  public ReferenceImporter.Plan read(Path file) {
    ReferenceReader.Parsed parsed = ReferenceReader.read(file, null, Map.of());
    List<Study> studies = project.studies();
    ReferenceImporter.Plan p = ReferenceImporter.plan(parsed, studies, references.references());
    return p;
  }

  /** Shows a plan read by {@link #read}: every pair starts at its default decision. */
  public void setPlan(ReferenceImporter.Plan p) {
    plan = p;
    decisions.clear();
    decisions.putAll(ReferenceImporter.defaults(p, false));
  }

  public ReferenceImporter.Plan plan() {
    return plan;
  }

  public List<ReferenceImporter.Duplicate> duplicates() {
    return plan.duplicates();
  }

  public ReferenceImporter.Decision decision(ReferenceImporter.Duplicate d) {
    return decisions.get(d.index());
  }

  public void decide(ReferenceImporter.Duplicate d, ReferenceImporter.Decision decision) {
    decisions.put(d.index(), decision);
  }

  public ObjectProperty<StudyStatus> statusProperty() {
    return status;
  }

  /** "Read 4 records (RIS): 3 new studies, ..." for the dialog's header, updated by choices. */
  public String summary() {
    ReferenceImporter.Result r = ReferenceImporter.dryRun(plan, decisions);
    return Localization.lang(
        "import.ui.summary",
        r.records(),
        plan.parsed().file(),
        plan.parsed().format().name(),
        r.studiesCreated(),
        r.recordsMergedWithinFile(),
        r.recordsMergedIntoExisting(),
        r.duplicatesKeptApart());
  }

  /** Stores the import (FX thread: the project cache is single-threaded). */
  public ReferenceImporter.Result apply() {
    return ReferenceImporter.apply(
        project, references, plan, decisions, status.get(), ImportProgress.NONE);
  }

  /** One side of a pair as lines for the side-by-side view. */
  public static String describe(RefRecord r, String file) {
    return String.join(
        "\n",
        Localization.lang("import.ui.side.record", file, r.number(), r.line()),
        String.join("; ", r.authors()),
        (r.year() == null ? "" : r.year() + ". ") + r.title(),
        r.journal()
            + (r.volume().isEmpty() ? "" : " " + r.volume())
            + (r.issue().isEmpty() ? "" : "(" + r.issue() + ")")
            + (r.pages().isEmpty() ? "" : ": " + r.pages()),
        "DOI "
            + dash(r.doi())
            + "   PMID "
            + dash(r.pmid())
            + (r.registrations().isEmpty() ? "" : "   " + String.join(", ", r.registrations())));
  }

  public static String describe(Study s) {
    return String.join(
        "\n",
        Localization.lang("import.ui.side.study", s.label()),
        s.authors(),
        (s.year() == null ? "" : s.year() + ". ") + s.title(),
        s.journal(),
        "DOI "
            + dash(s.doi())
            + "   PMID "
            + dash(s.pmid())
            + (s.registration().isEmpty() ? "" : "   " + s.registration()));
  }

  private static String dash(String s) {
    return s.isEmpty() ? "–" : s;
  }
}
