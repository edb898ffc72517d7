package org.ewb.ui.analysis;

import static org.ewb.logic.l10n.Localization.lang;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.ewb.logic.figure.Axis;
import org.ewb.logic.figure.ChartFigure;
import org.ewb.logic.figure.Figure;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.figure.FollowUpModelBuilder;
import org.ewb.logic.figure.export.FigureExporter;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.WorkbenchException;

/**
 * The analysis view: choosers on the left, the figure (drawn by the export routine) in the centre,
 * the pooled result or the reason there is no figure below, export and copy on top. Thin: every
 * choice is bound to {@link AnalysisViewModel}.
 */
public final class AnalysisView extends BorderPane {

  private final AnalysisViewModel vm;
  private final FigureCanvas canvas = new FigureCanvas();
  private final Label summary = new Label();
  private final Label message = new Label();
  private final Spinner<Integer> widthMm = new Spinner<>(40, 500, 170, 5);
  private final Spinner<Integer> dpi = new Spinner<>(72, 1200, 300, 50);
  private ScrollPane scroll;
  private FollowUpChartPane chartPane;

  public AnalysisViewModel viewModel() {
    return vm;
  }

  public AnalysisView(AnalysisViewModel vm) {
    this.vm = vm;
    setLeft(choosers());
    ScrollPane scroll = new ScrollPane(canvas);
    scroll.setFitToWidth(true);
    scroll
        .viewportBoundsProperty()
        .addListener((o, a, b) -> canvas.setAvailableWidth(b.getWidth() - 2));
    this.scroll = scroll;
    setCenter(scroll);
    canvas.figureProperty().bind(vm.figureProperty());
    vm.figureProperty().addListener((o, a, b) -> showFigure(b));
    showFigure(vm.figureProperty().get());
    summary.textProperty().bind(vm.summaryProperty());
    summary.setId("analysis-summary");
    message.textProperty().bind(vm.messageProperty());
    message.setTextFill(Color.FIREBRICK);
    message.setWrapText(true);
    message.setId("analysis-message");
    VBox bottom = new VBox(4, summary, message);
    bottom.setPadding(new Insets(6));
    setBottom(bottom);
    setTop(toolbar());
    widthMm.valueProperty().addListener((o, a, b) -> canvas.setLayoutWidthPt(b * 72 / 25.4));
  }

  /**
   * Shows an interactive chart (follow-up) in a ChartViewer, any other figure on the canvas that
   * the export routine paints.
   */
  private void showFigure(Figure f) {
    if (f instanceof ChartFigure cf) {
      chartPane = new FollowUpChartPane(cf.chart());
      setCenter(chartPane);
    } else {
      chartPane = null;
      setCenter(scroll);
    }
  }

  /** The interactive chart shown now, or null when the figure is not a follow-up chart. */
  public FollowUpChartPane chartPane() {
    return chartPane;
  }

  /** The figure shown now (null when the choices give none). */
  public Figure figure() {
    return vm.figureProperty().get();
  }

  private ToolBar toolbar() {
    Button export = new Button(lang("figure.view.export"));
    export.setOnAction(e -> export());
    export.disableProperty().bind(vm.figureProperty().isNull());
    Button copy = new Button(lang("figure.view.copy"));
    copy.setOnAction(e -> copy());
    copy.disableProperty().bind(vm.figureProperty().isNull());
    widthMm.setEditable(true);
    widthMm.setPrefWidth(80);
    dpi.setEditable(true);
    dpi.setPrefWidth(80);
    Button save = new Button(lang("figure.view.save"));
    save.setOnAction(e -> save());
    ComboBox<SavedAnalysis> saved = new ComboBox<>(vm.savedAnalyses());
    saved.setPromptText(lang("figure.view.saved"));
    saved.setConverter(converter(SavedAnalysis::name));
    saved.setId("analysis-saved");
    saved.setOnAction(
        e -> {
          if (saved.getValue() != null) {
            run(() -> vm.open(saved.getValue()));
          }
        });
    javafx.scene.control.Button comparison =
        new javafx.scene.control.Button(lang("figure.view.comparison"));
    comparison.setId("analysis-comparison");
    comparison.setOnAction(e -> run(this::chooseComparison));
    return new ToolBar(
        comparison,
        saved,
        save,
        export,
        copy,
        new Label(lang("figure.view.widthMm")),
        widthMm,
        new Label(lang("figure.view.dpi")),
        dpi);
  }

  private VBox choosers() {
    ComboBox<FigureRequest.Kind> kind =
        new ComboBox<>(FXCollections.observableArrayList(FigureRequest.Kind.values()));
    kind.setConverter(
        converter(
            k ->
                switch (k) {
                  case FOREST -> lang("figure.view.forest");
                  case FUNNEL -> lang("figure.view.funnel");
                  case FOLLOWUP -> lang("figure.view.followup");
                }));
    kind.valueProperty().bindBidirectional(vm.kindProperty());
    kind.setId("analysis-kind");
    ComboBox<String> outcome = new ComboBox<>(vm.outcomes());
    outcome.valueProperty().bindBidirectional(vm.outcomeProperty());
    outcome.setId("analysis-outcome");
    ComboBox<Double> timePoint = new ComboBox<>(vm.timePoints());
    timePoint.setConverter(converter(Axis::label));
    timePoint.valueProperty().bindBidirectional(vm.timePointProperty());
    timePoint.setId("analysis-timepoint");
    ComboBox<String> measure = new ComboBox<>(vm.measures());
    measure.valueProperty().bindBidirectional(vm.measureProperty());
    measure.setId("analysis-measure");
    // per-arm measures by name; comparison measures by their usual abbreviation
    measure.setConverter(
        converter(
            m ->
                m != null && org.ewb.logic.meta.overtime.ArmMeasure.parse(m).isPresent()
                    ? lang("figure.measure." + m)
                    : m));
    ComboBox<String> model =
        new ComboBox<>(FXCollections.observableArrayList(AnalysisViewModel.MODELS));
    model.valueProperty().bindBidirectional(vm.modelProperty());
    model.setId("analysis-model");
    ComboBox<String> test =
        new ComboBox<>(FXCollections.observableArrayList(AnalysisViewModel.TESTS));
    test.valueProperty().bindBidirectional(vm.testProperty());
    ComboBox<String> subgroup = new ComboBox<>();
    Runnable fillSubgroups =
        () -> {
          String keep = vm.subgroupProperty().get();
          subgroup.getItems().setAll("");
          subgroup.getItems().addAll(vm.fieldKeys());
          subgroup.setValue(keep == null ? "" : keep);
        };
    vm.fieldKeys()
        .addListener((javafx.collections.ListChangeListener<String>) c -> fillSubgroups.run());
    fillSubgroups.run();
    subgroup.setConverter(
        converter(s -> s.isEmpty() ? lang("figure.view.none") : vm.fieldLabel(s)));
    subgroup
        .valueProperty()
        .addListener((o, a, b) -> vm.subgroupProperty().set(b == null || b.isEmpty() ? null : b));
    ListView<String> columns = new ListView<>(vm.fieldKeys());
    columns.setPrefHeight(110);
    columns.setCellFactory(
        CheckBoxListCell.forListView(this::columnSelected, converter(vm::fieldLabel)));
    CheckBox contours = new CheckBox(lang("figure.view.contours"));
    contours.selectedProperty().bindBidirectional(vm.contoursProperty());
    CheckBox egger = new CheckBox(lang("figure.view.egger"));
    egger.selectedProperty().bindBidirectional(vm.eggerProperty());
    CheckBox trimfill = new CheckBox(lang("figure.view.trimfill"));
    trimfill.selectedProperty().bindBidirectional(vm.trimfillProperty());
    ComboBox<FollowUpModelBuilder.ErrorBars> bars =
        new ComboBox<>(FXCollections.observableArrayList(FollowUpModelBuilder.ErrorBars.values()));
    bars.valueProperty().bindBidirectional(vm.errorBarsProperty());
    CheckBox pooled = new CheckBox(lang("followup.view.pooled"));
    pooled.setId("analysis-pooled");
    pooled.selectedProperty().bindBidirectional(vm.pooledProperty());
    TextField windows = new TextField();
    windows.setId("analysis-windows");
    windows.setPromptText(lang("followup.view.windowsPrompt"));
    windows.setOnAction(e -> vm.windowsProperty().set(windows.getText()));
    windows
        .focusedProperty()
        .addListener(
            (o, a, b) -> {
              if (!b) {
                vm.windowsProperty().set(windows.getText());
              }
            });
    vm.windowsProperty().addListener((o, a, b) -> windows.setText(b == null ? "" : b));
    CheckBox change = new CheckBox(lang("followup.view.change"));
    change.setId("analysis-change");
    change.selectedProperty().bindBidirectional(vm.changeFromBaselineProperty());
    TextField rho = new TextField(vm.changeRhoProperty().get());
    rho.setId("analysis-change-rho");
    rho.setPromptText("0.5");
    rho.setTooltip(new javafx.scene.control.Tooltip(lang("followup.view.changeRhoTip")));
    rho.setOnAction(e -> vm.changeRhoProperty().set(rho.getText()));
    rho.focusedProperty()
        .addListener(
            (o, a, b) -> {
              if (!b) {
                vm.changeRhoProperty().set(rho.getText());
              }
            });
    vm.changeRhoProperty().addListener((o, a, b) -> rho.setText(b == null ? "" : b));
    change.disableProperty().bind(vm.changeAppliesProperty().not());
    rho.disableProperty()
        .bind(vm.changeAppliesProperty().not().or(vm.changeFromBaselineProperty().not()));
    // controls that do not apply to the chosen figure are disabled
    var followUp = vm.kindProperty().isEqualTo(FigureRequest.Kind.FOLLOWUP);
    var armChart = followUp.and(vm.pooledProperty().not());
    timePoint.disableProperty().bind(followUp);
    columns.disableProperty().bind(vm.kindProperty().isNotEqualTo(FigureRequest.Kind.FOREST));
    for (CheckBox c : new CheckBox[] {contours, egger, trimfill}) {
      c.disableProperty().bind(vm.kindProperty().isNotEqualTo(FigureRequest.Kind.FUNNEL));
    }
    measure.disableProperty().bind(armChart);
    model.disableProperty().bind(armChart);
    test.disableProperty().bind(armChart);
    subgroup.disableProperty().bind(armChart);
    bars.disableProperty().bind(followUp.not());
    pooled.disableProperty().bind(followUp.not());
    windows.disableProperty().bind(followUp.not().or(vm.pooledProperty().not()));
    VBox box =
        new VBox(
            4,
            new Label(lang("figure.view.figure")),
            kind,
            new Label(lang("figure.view.outcome")),
            outcome,
            new Label(lang("figure.view.timepoint")),
            timePoint,
            new Label(lang("figure.view.measure")),
            measure,
            new Label(lang("figure.view.model")),
            model,
            new Label(lang("figure.view.test")),
            test,
            new Label(lang("figure.view.subgroup")),
            subgroup,
            new Label(lang("figure.view.columns")),
            columns,
            contours,
            egger,
            trimfill,
            new Label(lang("figure.view.errorBars")),
            bars,
            pooled,
            new Label(lang("followup.view.windows")),
            windows,
            change,
            new Label(lang("followup.view.changeRho")),
            rho);
    VBox.setVgrow(columns, Priority.SOMETIMES);
    box.setPadding(new Insets(8));
    box.setPrefWidth(200);
    return box;
  }

  private BooleanProperty columnSelected(String key) {
    BooleanProperty p = new SimpleBooleanProperty(vm.columns().contains(key));
    p.addListener(
        (o, a, b) -> {
          if (b && !vm.columns().contains(key)) {
            vm.columns().add(key);
          } else if (!b) {
            vm.columns().remove(key);
          }
        });
    return p;
  }

  private void export() {
    FileChooser fc = new FileChooser();
    fc.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("PDF", "*.pdf"),
            new FileChooser.ExtensionFilter("PNG", "*.png"),
            new FileChooser.ExtensionFilter("SVG", "*.svg"));
    File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (f == null) {
      return;
    }
    try {
      FigureExporter.Result r = vm.export(f.toPath(), widthMm.getValue(), 0, dpi.getValue());
      // the summary line is re-bound to the analysis at once: the confirmation is a notice
      org.ewb.ui.main.Notices.confirm(
          getScene() == null ? null : getScene().getWindow(),
          lang("figure.view.exported", r.file()));
    } catch (WorkbenchException ex) {
      message.textProperty().unbind();
      message.setText(ex.getMessage());
      message.textProperty().bind(vm.messageProperty());
    }
  }

  /**
   * Multi-arm trials: for each study with three or more arms, which arms are the experimental side,
   * which the control side, and which are left out of this analysis (several on a side are
   * combined). Saved with the analysis.
   */
  private void chooseComparison() {
    List<AnalysisViewModel.MultiArmStudy> studies = vm.multiArmStudies();
    javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d =
        new javafx.scene.control.Dialog<>();
    d.getDialogPane()
        .getButtonTypes()
        .addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
    org.ewb.ui.main.Dialogs.prepare(
        d, getScene() == null ? null : getScene().getWindow(), lang("figure.view.comparison"));
    d.setHeaderText(lang("figure.view.comparisonHeader"));
    javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
    g.setHgap(8);
    g.setVgap(4);
    String exp = lang("figure.view.sideExperimental");
    String ctl = lang("figure.view.sideControl");
    String none = lang("figure.view.sideNone");
    java.util.Map<Long, ComboBox<String>> choice = new java.util.LinkedHashMap<>();
    int row = 0;
    if (studies.isEmpty()) {
      g.add(new Label(lang("figure.view.noMultiArm")), 0, 0);
    }
    for (AnalysisViewModel.MultiArmStudy s : studies) {
      Label study = new Label(s.label());
      study.setStyle("-fx-font-weight: bold");
      g.add(study, 0, row++, 2, 1);
      org.ewb.logic.meta.ArmSelection.Sides sides = vm.arms().perStudy().get(s.studyId());
      for (org.ewb.model.Arm a : s.arms()) {
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(exp, ctl, none));
        c.setId("side-" + a.id());
        boolean e =
            sides != null
                ? sides.experimental().contains(a.id())
                : a.role() == org.ewb.model.ArmRole.EXPERIMENTAL;
        boolean k =
            sides != null
                ? sides.control().contains(a.id())
                : a.role() == org.ewb.model.ArmRole.CONTROL;
        c.setValue(e ? exp : k ? ctl : none);
        choice.put(a.id(), c);
        g.addRow(row++, new Label("  " + a.label()), c);
      }
    }
    d.getDialogPane().setContent(new javafx.scene.control.ScrollPane(g));
    d.showAndWait()
        .filter(b -> b == javafx.scene.control.ButtonType.OK)
        .ifPresent(
            b -> {
              java.util.Map<Long, org.ewb.logic.meta.ArmSelection.Sides> per =
                  new java.util.LinkedHashMap<>();
              for (AnalysisViewModel.MultiArmStudy s : studies) {
                List<Long> e = new java.util.ArrayList<>();
                List<Long> c = new java.util.ArrayList<>();
                boolean byRole = true;
                for (org.ewb.model.Arm a : s.arms()) {
                  String v = choice.get(a.id()).getValue();
                  if (v.equals(exp)) {
                    e.add(a.id());
                  } else if (v.equals(ctl)) {
                    c.add(a.id());
                  }
                  org.ewb.model.ArmRole asChosen =
                      v.equals(exp)
                          ? org.ewb.model.ArmRole.EXPERIMENTAL
                          : v.equals(ctl)
                              ? org.ewb.model.ArmRole.CONTROL
                              : org.ewb.model.ArmRole.OTHER;
                  byRole &= asChosen == a.role();
                }
                if (!byRole) {
                  per.put(s.studyId(), new org.ewb.logic.meta.ArmSelection.Sides(e, c));
                }
              }
              vm.setArms(new org.ewb.logic.meta.ArmSelection(per));
            });
  }

  private void save() {
    org.ewb.ui.main.Dialogs.ask(
            getScene() == null ? null : getScene().getWindow(),
            lang("figure.view.save"),
            lang("figure.view.saveName"),
            null,
            "")
        .filter(n -> !n.isBlank())
        .ifPresent(n -> run(() -> vm.save(n)));
  }

  /** Runs an action; a reviewer-readable failure is shown in the message line. */
  private void run(Runnable action) {
    try {
      action.run();
    } catch (WorkbenchException ex) {
      message.textProperty().unbind();
      message.setText(ex.getMessage());
      message.textProperty().bind(vm.messageProperty());
    }
  }

  private void copy() {
    Figure f = vm.figureProperty().get();
    if (f == null) {
      return;
    }
    double wPt = widthMm.getValue() * 72 / 25.4;
    BufferedImage img = FigureExporter.png(f, wPt, f.preferredHeightPt(wPt), 200);
    ClipboardContent content = new ClipboardContent();
    content.putImage(SwingFXUtils.toFXImage(img, null));
    Clipboard.getSystemClipboard().setContent(content);
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : f.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException("choices are not typed");
      }
    };
  }
}
