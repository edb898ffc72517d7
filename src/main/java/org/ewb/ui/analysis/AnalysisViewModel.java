package org.ewb.ui.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ewb.logic.figure.ChartFigure;
import org.ewb.logic.figure.ChartSeries;
import org.ewb.logic.figure.Figure;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.figure.FigureRequestJson;
import org.ewb.logic.figure.Figures;
import org.ewb.logic.figure.FollowUpModelBuilder;
import org.ewb.logic.figure.export.FigureExporter;
import org.ewb.logic.meta.AnalysisSettings;
import org.ewb.logic.project.OutcomeData;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.CharacteristicField;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the analysis view: the choices (figure, outcome, time point, measure, model, test,
 * subgroup, extra columns, funnel and follow-up options), the figure they give and a one-line
 * summary or the reviewer-readable reason there is none. Re-reads the project after every committed
 * change of the repository, so an edit in a grid shows in the figure at once.
 */
public final class AnalysisViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(AnalysisViewModel.class);

  public static final List<String> MODELS =
      List.of("REML", "DL", "ML", "PM", "HE", "SJ", "EB", "EE", "MH", "PETO");
  public static final List<String> TESTS = List.of("z", "knha");

  /**
   * Font size of the interactive follow-up charts, which the window draws in pixels (files use
   * {@link Figures#FOLLOWUP_FONT_PT} points).
   */
  static final double SCREEN_FONT = 12;

  private final ProjectRepository repo;
  private ProjectData data;
  private boolean updating;

  private final ObjectProperty<FigureRequest.Kind> kind =
      new SimpleObjectProperty<>(FigureRequest.Kind.FOREST);
  private final ObservableList<String> outcomes = FXCollections.observableArrayList();
  private final ObjectProperty<String> outcome = new SimpleObjectProperty<>();
  private final ObservableList<Double> timePoints = FXCollections.observableArrayList();
  private final ObjectProperty<Double> timePoint = new SimpleObjectProperty<>();
  private final ObservableList<String> measures = FXCollections.observableArrayList();
  private final ObjectProperty<String> measure = new SimpleObjectProperty<>();
  private final ObjectProperty<String> model = new SimpleObjectProperty<>("REML");
  private final ObjectProperty<String> test = new SimpleObjectProperty<>("z");
  private final ObservableList<String> fieldKeys = FXCollections.observableArrayList();
  private final ObjectProperty<String> subgroup = new SimpleObjectProperty<>();
  private final ObservableList<String> columns = FXCollections.observableArrayList();
  private final BooleanProperty contours = new SimpleBooleanProperty(true);
  private final BooleanProperty egger = new SimpleBooleanProperty(false);
  private final BooleanProperty trimfill = new SimpleBooleanProperty(false);
  private final ObjectProperty<FollowUpModelBuilder.ErrorBars> errorBars =
      new SimpleObjectProperty<>(FollowUpModelBuilder.ErrorBars.SD);
  private final BooleanProperty pooled = new SimpleBooleanProperty(false);
  private final ObjectProperty<String> windows = new SimpleObjectProperty<>();
  private final BooleanProperty changeFromBaseline = new SimpleBooleanProperty(false);
  private final ObjectProperty<String> changeRho =
      new SimpleObjectProperty<>(
          Double.toString(org.ewb.logic.meta.overtime.ChangeFromBaseline.DEFAULT_RHO));
  private final BooleanProperty changeApplies = new SimpleBooleanProperty(false);
  private final ReadOnlyObjectWrapper<Figure> figure = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ObservableList<SavedAnalysis> savedAnalyses = FXCollections.observableArrayList();
  private String sort;

  public AnalysisViewModel(ProjectRepository repo) {
    this.repo = Objects.requireNonNull(repo);
    repo.addChangeListener(this::reload);
    for (javafx.beans.Observable o :
        new javafx.beans.Observable[] {
          kind,
          outcome,
          timePoint,
          measure,
          model,
          test,
          subgroup,
          contours,
          egger,
          trimfill,
          errorBars,
          columns,
          pooled,
          windows,
          changeFromBaseline,
          changeRho
        }) {
      o.addListener(x -> update());
    }
    reload();
  }

  /** Re-reads the project and redraws (called after every committed change). */
  public void reload() {
    // the project without outcome data; the chosen outcome's data is added per figure, so a
    // large project is never read whole (ADR 0073)
    data = repo.snapshotWithoutOutcomeData();
    updating = true;
    try {
      outcomes.setAll(data.outcomes().stream().map(Outcome::name).toList());
      if (outcome.get() == null || !outcomes.contains(outcome.get())) {
        outcome.set(outcomes.isEmpty() ? null : outcomes.get(0));
      }
      fieldKeys.setAll(data.fields().stream().map(CharacteristicField::key).toList());
      if (subgroup.get() != null && !fieldKeys.contains(subgroup.get())) {
        subgroup.set(null);
      }
      columns.removeIf(c -> !fieldKeys.contains(c));
      savedAnalyses.setAll(data.analyses());
    } finally {
      updating = false;
    }
    update();
  }

  /** Recomputes choices that depend on the outcome, then the figure. */
  private void update() {
    if (updating || data == null) {
      return;
    }
    updating = true;
    try {
      Outcome o = data.outcome(Objects.requireNonNullElse(outcome.get(), "")).orElse(null);
      List<Double> months = new ArrayList<>();
      List<String> ms = new ArrayList<>();
      if (o != null) {
        data.timePointsOf(o.id()).stream().map(TimePoint::months).sorted().forEach(months::add);
        // the default first: an analysis saved without a measure is exported with it
        ms.addAll(AnalysisSettings.measuresFor(o.kind()));
        // the outcome's default measure first, so a new analysis starts from it
        if (!o.defaultMeasure().isEmpty() && ms.remove(o.defaultMeasure())) {
          ms.add(0, o.defaultMeasure());
        }
        // the pooled follow-up chart also pools the arms of each role (mean / proportion per arm)
        if (kind.get() == FigureRequest.Kind.FOLLOWUP && pooled.get()) {
          ms.addAll(PER_ARM.getOrDefault(o.kind(), List.of()));
        }
      }
      if (!timePoints.equals(months)) {
        timePoints.setAll(months);
      }
      if (timePoint.get() == null || !months.contains(timePoint.get())) {
        timePoint.set(months.isEmpty() ? null : months.get(months.size() - 1));
      }
      if (!measures.equals(ms)) {
        measures.setAll(ms);
      }
      if (measure.get() == null || !ms.contains(measure.get())) {
        measure.set(ms.isEmpty() ? null : ms.get(0));
      }
      changeApplies.set(
          o != null
              && o.kind() == org.ewb.model.OutcomeKind.CONTINUOUS
              && kind.get() == FigureRequest.Kind.FOLLOWUP
              && pooled.get()
              && CHANGE_MEASURES.contains(measure.get()));
      analysis.set(null);
      if (o == null) {
        show(null, "", lang(repo == null ? "figure.view.noProject" : "figure.view.noOutcome"));
        return;
      }
      try {
        FigureRequest r = request();
        Figures.Rendered f = Figures.render(withDataOf(o), r, SCREEN_FONT);
        analysis.set(f.analysis());
        show(f.figure(), f.summary(), "");
      } catch (WorkbenchException e) {
        // a reviewer-readable reason (e.g. a half-filled row): shown instead of the figure
        LOG.debug("No figure: {}", e.getMessage());
        show(null, "", e.getMessage());
      }
    } finally {
      updating = false;
    }
  }

  /** The project snapshot with one outcome's measurements and generic estimates. */
  private ProjectData withDataOf(Outcome o) {
    OutcomeData od = repo.outcomeData(o.id());
    return new ProjectData(
        data.project(),
        data.studies(),
        data.fields(),
        data.values(),
        data.arms(),
        data.outcomes(),
        data.timePoints(),
        od.measurements(),
        od.genericEstimates(),
        data.layouts(),
        data.analyses());
  }

  /** Per-arm measures offered for the pooled follow-up chart, by the outcome's kind of data. */
  static final java.util.Map<org.ewb.model.OutcomeKind, List<String>> PER_ARM =
      java.util.Map.of(
          org.ewb.model.OutcomeKind.CONTINUOUS, List.of("MN"),
          org.ewb.model.OutcomeKind.DICHOTOMOUS, List.of("PR", "PLO"));

  /** Measures whose pooled follow-up chart can show change from baseline. */
  static final List<String> CHANGE_MEASURES = List.of("MD", "SMD", "MN");

  /** The current choices as a request. */
  public FigureRequest request() {
    FigureRequest r = baseRequest();
    if (!changeApplies.get() || !changeFromBaseline.get()) {
      return r;
    }
    double rho;
    try {
      rho = Double.parseDouble(Objects.requireNonNullElse(changeRho.get(), "").strip());
    } catch (NumberFormatException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, lang("overtime.error.rho", changeRho.get()));
    }
    return r.withChangeRho(rho);
  }

  private FigureRequest baseRequest() {
    return new FigureRequest(
        kind.get(),
        outcome.get(),
        timePoint.get(),
        measure.get(),
        model.get(),
        test.get(),
        subgroup.get(),
        List.copyOf(columns),
        errorBars.get(),
        contours.get(),
        egger.get(),
        trimfill.get(),
        sort,
        pooled.get(),
        windows.get(),
        arms);
  }

  private org.ewb.logic.meta.ArmSelection arms = org.ewb.logic.meta.ArmSelection.BY_ROLE;

  /** Which arms form each study's comparison (saved with the analysis). */
  public org.ewb.logic.meta.ArmSelection arms() {
    return arms;
  }

  public void setArms(org.ewb.logic.meta.ArmSelection selection) {
    arms = selection == null ? org.ewb.logic.meta.ArmSelection.BY_ROLE : selection;
    update();
  }

  /** A study of the chosen outcome that has more than one arm on a side, or more than two arms. */
  public record MultiArmStudy(long studyId, String label, List<org.ewb.model.Arm> arms) {}

  /** The included studies with three or more arms (those whose comparison is a choice). */
  public List<MultiArmStudy> multiArmStudies() {
    if (data == null) {
      return List.of();
    }
    List<MultiArmStudy> out = new ArrayList<>();
    for (org.ewb.model.Study s : data.studies()) {
      List<org.ewb.model.Arm> a = data.armsOf(s.id());
      if (s.status() == org.ewb.model.StudyStatus.INCLUDED && a.size() > 2) {
        out.add(new MultiArmStudy(s.id(), s.label(), a));
      }
    }
    return out;
  }

  /** Saves the current choices in the project under {@code name} (replacing one of that name). */
  public SavedAnalysis save(String name) {
    String json = FigureRequestJson.write(request());
    SavedAnalysis existing =
        savedAnalyses.stream().filter(a -> a.name().equals(name.strip())).findFirst().orElse(null);
    SavedAnalysis a =
        existing != null
            ? new SavedAnalysis(existing.id(), existing.name(), json, existing.displayOrder())
            : new SavedAnalysis(0, name.strip(), json, savedAnalyses.size());
    return repo.putAnalysis(a);
  }

  /** Restores the choices of a saved analysis (and draws it). */
  public void open(SavedAnalysis a) {
    FigureRequest r = FigureRequestJson.read(a.settingsJson());
    updating = true;
    try {
      kind.set(r.kind());
      outcome.set(
          data.outcome(Objects.requireNonNullElse(r.outcome(), ""))
              .map(Outcome::name)
              .orElse(outcome.get()));
      timePoint.set(r.timepoint());
      measure.set(r.measure());
      model.set(r.model());
      test.set(r.test());
      subgroup.set(r.subgroup());
      columns.setAll(r.columns().stream().filter(fieldKeys::contains).toList());
      errorBars.set(r.errorBars());
      contours.set(r.contours());
      egger.set(r.egger());
      trimfill.set(r.trimfill());
      pooled.set(r.pooled());
      windows.set(r.windows());
      changeFromBaseline.set(r.changeRho() != null);
      if (r.changeRho() != null) {
        changeRho.set(Double.toString(r.changeRho()));
      }
      sort = r.sort();
      arms = r.arms();
    } finally {
      updating = false;
    }
    update();
  }

  /** The analyses saved in the project, in display order. */
  public ObservableList<SavedAnalysis> savedAnalyses() {
    return savedAnalyses;
  }

  private void show(Figure f, String s, String m) {
    figure.set(f);
    summary.set(s);
    message.set(m);
  }

  /**
   * Writes the current figure (format from the extension); returns what was written. An interactive
   * chart is drawn again by the same routine at the file's font size, with the series the reviewer
   * hid still hidden.
   */
  public FigureExporter.Result export(Path file, double widthMm, double heightMm, int dpi) {
    Figure f = figure.get();
    if (f == null) {
      throw new WorkbenchException(WorkbenchException.Kind.USAGE, message.get());
    }
    if (f instanceof ChartFigure shown) {
      Outcome o = data.outcome(Objects.requireNonNullElse(outcome.get(), "")).orElseThrow();
      Figure forFile = Figures.render(withDataOf(o), request()).figure();
      if (forFile instanceof ChartFigure cf) {
        ChartSeries.copyVisibility(shown.chart(), cf.chart());
      }
      f = forFile;
    }
    return FigureExporter.export(f, file, widthMm, heightMm, dpi);
  }

  private static String lang(String key, Object... args) {
    return org.ewb.logic.l10n.Localization.lang(key, args);
  }

  public boolean isOutcomeKind(OutcomeKind k) {
    return data != null
        && data.outcome(Objects.requireNonNullElse(outcome.get(), ""))
            .map(o -> o.kind() == k)
            .orElse(false);
  }

  public ObjectProperty<FigureRequest.Kind> kindProperty() {
    return kind;
  }

  public ObservableList<String> outcomes() {
    return outcomes;
  }

  public ObjectProperty<String> outcomeProperty() {
    return outcome;
  }

  public ObservableList<Double> timePoints() {
    return timePoints;
  }

  public ObjectProperty<Double> timePointProperty() {
    return timePoint;
  }

  public ObservableList<String> measures() {
    return measures;
  }

  public ObjectProperty<String> measureProperty() {
    return measure;
  }

  public ObjectProperty<String> modelProperty() {
    return model;
  }

  public ObjectProperty<String> testProperty() {
    return test;
  }

  public ObservableList<String> fieldKeys() {
    return fieldKeys;
  }

  /** A field's label in the current language (the key when the field is unknown). */
  public String fieldLabel(String key) {
    if (data == null || key == null) {
      return key == null ? "" : key;
    }
    String language = org.ewb.logic.l10n.Localization.language();
    return data.fields().stream()
        .filter(f -> f.key().equals(key))
        .findFirst()
        .map(f -> f.label(language))
        .orElse(key);
  }

  public ObjectProperty<String> subgroupProperty() {
    return subgroup;
  }

  /** Field keys shown as extra forest-plot columns, in order. */
  public ObservableList<String> columns() {
    return columns;
  }

  public BooleanProperty contoursProperty() {
    return contours;
  }

  public BooleanProperty eggerProperty() {
    return egger;
  }

  public BooleanProperty trimfillProperty() {
    return trimfill;
  }

  /** Follow-up chart: the meta-analysis per time point instead of the arm values. */
  /** Pooled follow-up chart: change from baseline instead of the values as reported. */
  public BooleanProperty changeFromBaselineProperty() {
    return changeFromBaseline;
  }

  /** The correlation r between baseline and follow-up (text of the field; default 0.5). */
  public ObjectProperty<String> changeRhoProperty() {
    return changeRho;
  }

  /**
   * Whether change from baseline applies: a pooled follow-up chart of a continuous outcome with MD,
   * SMD or the mean per arm.
   */
  public javafx.beans.property.ReadOnlyBooleanProperty changeAppliesProperty() {
    return changeApplies;
  }

  public BooleanProperty pooledProperty() {
    return pooled;
  }

  /** Follow-up chart with pooled: time windows ("3-6,12-24"), null = every time point. */
  public ObjectProperty<String> windowsProperty() {
    return windows;
  }

  public ObjectProperty<FollowUpModelBuilder.ErrorBars> errorBarsProperty() {
    return errorBars;
  }

  public ReadOnlyObjectProperty<Figure> figureProperty() {
    return figure.getReadOnlyProperty();
  }

  /** The analysis behind the figure shown (null when none is shown). */
  public ReadOnlyObjectProperty<org.ewb.logic.meta.AnalysisOutcome> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  private final javafx.beans.property.ReadOnlyObjectWrapper<org.ewb.logic.meta.AnalysisOutcome>
      analysis = new javafx.beans.property.ReadOnlyObjectWrapper<>();

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
