package org.ewb.ui.export;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.ewb.logic.export.ExportOptions;
import org.ewb.logic.export.ExportProgress;
import org.ewb.logic.export.ProjectExporter;
import org.ewb.logic.export.TableKind;
import org.ewb.model.ProjectData;
import org.ewb.model.TableLayout;

/**
 * The state of the File → Export dialog (format, tables, table layout, language) and the export job
 * it starts. The job runs {@link ProjectExporter} on a project snapshot, reports progress and stops
 * when cancelled; it needs no JavaFX thread, so it is tested directly.
 */
public final class ExportViewModel {

  /** The file formats. */
  public enum Format {
    XLSX,
    DOCX,
    CSV
  }

  /** Shown in the layout choice for "every field, no layout". */
  public static final String ALL_FIELDS = "";

  private final ProjectData data;
  private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.XLSX);
  private final BooleanProperty characteristics = new SimpleBooleanProperty(true);
  private final BooleanProperty outcomes = new SimpleBooleanProperty(true);
  private final BooleanProperty analyses = new SimpleBooleanProperty(true);
  private final StringProperty layout = new SimpleStringProperty(ALL_FIELDS);
  private final StringProperty language = new SimpleStringProperty("en");
  private final ObservableList<String> layouts = FXCollections.observableArrayList();

  public ExportViewModel(ProjectData data, String language) {
    this.data = data;
    this.language.set("zh".equals(language) ? "zh" : "en");
    layouts.add(ALL_FIELDS);
    data.layouts().stream().map(TableLayout::name).forEach(layouts::add);
  }

  public ObjectProperty<Format> formatProperty() {
    return format;
  }

  public BooleanProperty characteristicsProperty() {
    return characteristics;
  }

  public BooleanProperty outcomesProperty() {
    return outcomes;
  }

  public BooleanProperty analysesProperty() {
    return analyses;
  }

  public StringProperty layoutProperty() {
    return layout;
  }

  public StringProperty languageProperty() {
    return language;
  }

  /** "" (every field) followed by the project's layout names. */
  public ObservableList<String> layouts() {
    return layouts;
  }

  /** True while no table is chosen: the dialog's OK button is disabled then. */
  public BooleanBinding nothingChosen() {
    return Bindings.not(characteristics.or(outcomes).or(analyses));
  }

  public ExportOptions options() {
    Set<TableKind> kinds = EnumSet.noneOf(TableKind.class);
    if (characteristics.get()) {
      kinds.add(TableKind.CHARACTERISTICS);
    }
    if (outcomes.get()) {
      kinds.add(TableKind.OUTCOMES);
    }
    if (analyses.get()) {
      kinds.add(TableKind.ANALYSES);
    }
    return new ExportOptions(kinds, layout.get(), language.get());
  }

  /**
   * Runs the export to {@code target} (a workbook, or a folder for CSV) and returns the files
   * written. Throws {@link java.util.concurrent.CancellationException} once {@code progress} says
   * cancelled; nothing is left behind then.
   */
  public List<Path> export(Path target, ExportProgress progress) {
    ExportOptions o = options();
    if (format.get() == Format.XLSX) {
      ProjectExporter.writeXlsx(data, o, target, progress);
      return List.of(target);
    }
    if (format.get() == Format.DOCX) {
      ProjectExporter.writeDocx(data, o, target, progress);
      return List.of(target);
    }
    return ProjectExporter.writeCsv(data, o, target, progress);
  }

  /** The export as a JavaFX task: progress for a progress bar, {@code cancel()} for its button. */
  public Task<List<Path>> task(Path target) {
    return new ExportTask(target);
  }

  /** A task that is its own progress listener: its cancel flag stops the writers. */
  private final class ExportTask extends Task<List<Path>> implements ExportProgress {
    private final Path target;

    ExportTask(Path target) {
      this.target = target;
    }

    @Override
    protected List<Path> call() {
      return export(target, this);
    }

    @Override
    public void rows(long done, long total) {
      updateProgress(done, Math.max(1, total));
    }
  }
}
