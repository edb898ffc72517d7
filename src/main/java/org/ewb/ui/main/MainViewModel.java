package org.ewb.ui.main;

import static org.ewb.logic.l10n.Localization.lang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.extraction.UndoHistory;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.Outcome;
import org.ewb.model.Study;
import org.ewb.model.WorkbenchException;

/**
 * State of the main window: the open project, its study list, the selected study's details and the
 * status line. Opens, creates and copies projects only through the repository functions it is
 * given; the view binds to its properties.
 */
public final class MainViewModel {

  /** One characteristic of the selected study, for the read-only details table. */
  public record CharacteristicRow(String group, String label, String value) {}

  private final Function<Path, ProjectRepository> opener;
  private final BiFunction<Path, String, ProjectRepository> creator;
  private final WorkbenchSettings settings;
  private final ReadOnlyObjectWrapper<ProjectCache> project = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ObservableList<Study> studies = FXCollections.observableArrayList();
  private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
  private final ObjectProperty<Study> selectedStudy = new SimpleObjectProperty<>();
  private final ObservableList<CharacteristicRow> selectedCharacteristics =
      FXCollections.observableArrayList();
  private final ObservableList<Arm> selectedArms = FXCollections.observableArrayList();
  private final IntegerProperty revision = new SimpleIntegerProperty();
  private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
  private final UndoHistory history = new UndoHistory();
  private List<Study> shownStudies = List.of();

  public MainViewModel(
      Function<Path, ProjectRepository> opener,
      BiFunction<Path, String, ProjectRepository> creator,
      WorkbenchSettings settings) {
    this.opener = opener;
    this.creator = creator;
    this.settings = settings;
    selectedStudy.addListener((obs, old, now) -> showDetails());
    recentFiles.setAll(settings.recentFiles());
    updateTitle();
  }

  // ---- commands ----

  /** Opens a project file; a problem leaves the current project open and throws. */
  public void open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE, lang("error.noSuchFile", file.toString()));
    }
    install(opener.apply(file));
  }

  /** Creates a new project file with a title and opens it. */
  public void create(Path file, String title) {
    if (Files.exists(file)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE, lang("error.fileExists", file.toString()));
    }
    install(creator.apply(file, title));
  }

  /** Opens an already-open repository (tests, benchmarks). */
  public void install(ProjectRepository repository) {
    ProjectCache cache = repository instanceof ProjectCache c ? c : ProjectCache.load(repository);
    close();
    cache.addChangeListener(this::refresh);
    history.clear();
    project.set(cache);
    if (!cache.file().toString().equals("memory.ewb")) {
      settings.addRecent(cache.file());
      recentFiles.setAll(settings.recentFiles());
    }
    shownStudies = List.of();
    refresh();
  }

  /** Writes a copy to {@code target} and continues working in the copy. */
  public void saveAs(Path target) {
    ProjectCache current = requireProject();
    if (Files.exists(target)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE, lang("error.fileExists", target.toString()));
    }
    current.saveAs(target);
    open(target);
  }

  /** Undoes the last edit of the open project. */
  public java.util.Optional<org.ewb.logic.extraction.Edit> undo() {
    return history.undo(requireProject());
  }

  /** Redoes the last undone edit. */
  public java.util.Optional<org.ewb.logic.extraction.Edit> redo() {
    return history.redo(requireProject());
  }

  /** Closes the open project, if any. */
  public void close() {
    ProjectCache current = project.get();
    if (current != null) {
      project.set(null);
      current.close();
      studies.clear();
      outcomes.clear();
      shownStudies = List.of();
      selectedStudy.set(null);
      history.clear();
      updateTitle();
      updateStatus();
    }
  }

  private ProjectCache requireProject() {
    ProjectCache p = project.get();
    if (p == null) {
      throw new WorkbenchException(WorkbenchException.Kind.USAGE, lang("error.noProject"));
    }
    return p;
  }

  /** Re-reads what the window shows after a change (cheap: the cache is in memory). */
  public void refresh() {
    ProjectCache p = project.get();
    if (p == null) {
      return;
    }
    List<Study> now = p.studies();
    if (now != shownStudies) {
      shownStudies = now;
      Study sel = selectedStudy.get();
      studies.setAll(now);
      if (sel != null) {
        selectedStudy.set(p.study(sel.id()).orElse(null));
      }
    }
    List<Outcome> os = p.outcomes();
    if (!os.equals(outcomes)) {
      outcomes.setAll(os);
    }
    showDetails();
    updateTitle();
    updateStatus();
    revision.set(revision.get() + 1);
  }

  /** Re-reads texts after a language switch. */
  public void languageChanged() {
    updateTitle();
    updateStatus();
    showDetails();
  }

  private void showDetails() {
    ProjectCache p = project.get();
    Study s = selectedStudy.get();
    if (p == null || s == null) {
      selectedCharacteristics.clear();
      selectedArms.clear();
      return;
    }
    String language = org.ewb.logic.l10n.Localization.language();
    Map<Long, CharacteristicValue> vals = p.valuesOf(s.id());
    List<CharacteristicRow> rows = new ArrayList<>();
    for (CharacteristicField f : p.fields()) {
      CharacteristicValue v = vals.get(f.id());
      String unit = f.unit().isEmpty() ? "" : " (" + f.unit() + ")";
      rows.add(
          new CharacteristicRow(
              f.group(language), f.label(language) + unit, v == null ? "" : v.text(language)));
    }
    selectedCharacteristics.setAll(rows);
    selectedArms.setAll(p.armsOf(s.id()));
  }

  private void updateTitle() {
    ProjectCache p = project.get();
    windowTitle.set(
        p == null
            ? lang("app.title")
            : lang("window.title", lang("app.title"), p.project().title()));
  }

  private void updateStatus() {
    ProjectCache p = project.get();
    status.set(
        p == null
            ? lang("status.noProject")
            : lang(
                "status.counts",
                p.file().toAbsolutePath().toString(),
                p.studyCount(),
                p.armCount(),
                p.outcomes().size(),
                p.measurementCount()));
  }

  // ---- properties ----

  public ReadOnlyObjectProperty<ProjectCache> projectProperty() {
    return project.getReadOnlyProperty();
  }

  public ProjectCache project() {
    return project.get();
  }

  public ReadOnlyStringProperty windowTitleProperty() {
    return windowTitle.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ObservableList<Study> studies() {
    return studies;
  }

  public ObservableList<Outcome> outcomes() {
    return outcomes;
  }

  public ObjectProperty<Study> selectedStudyProperty() {
    return selectedStudy;
  }

  public ObservableList<CharacteristicRow> selectedCharacteristics() {
    return selectedCharacteristics;
  }

  public ObservableList<Arm> selectedArms() {
    return selectedArms;
  }

  /** Incremented after every change of the project, so that grids know to redraw. */
  public IntegerProperty revisionProperty() {
    return revision;
  }

  public ObservableList<Path> recentFiles() {
    return recentFiles;
  }

  public UndoHistory history() {
    return history;
  }

  public WorkbenchSettings settings() {
    return settings;
  }
}
