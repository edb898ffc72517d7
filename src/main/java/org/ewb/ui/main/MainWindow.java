package org.ewb.ui.main;

import static org.ewb.logic.l10n.Localization.lang;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Outcome;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: menus, the navigator on the left, the view of the selected navigator node in the
 * centre, and the status bar. Thin: every action is one call on {@link MainViewModel}; a language
 * switch rebuilds the window's content so every text is read again from the bundles. Centre views
 * are installed per navigator kind ({@link #installCenterView}), which is also the hook for the
 * analyses view.
 */
public final class MainWindow {

  private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

  private final Stage stage;
  private final MainViewModel vm;
  private final BorderPane root = new BorderPane();
  private final Map<NavItem.Kind, Function<NavItem, Node>> centreViews =
      new EnumMap<>(NavItem.Kind.class);
  private TreeView<NavItem> navigator;
  private SplitPane split;
  private final StackPane centre = new StackPane();
  private NavItem selected = new NavItem(NavItem.Kind.STUDIES, 0, "");

  public MainWindow(Stage stage, MainViewModel vm) {
    this(stage, vm, w -> {});
  }

  /**
   * A main window whose feature views, menus and navigator actions are installed by {@code
   * features} before the window is built, so it is built once (each install would otherwise rebuild
   * the menu bar or the whole window: start-up, ADR 0132).
   */
  public MainWindow(
      Stage stage, MainViewModel vm, java.util.function.Consumer<MainWindow> features) {
    this.stage = stage;
    this.vm = vm;
    String lang = vm.settings().language();
    Localization.setLocale(
        lang != null ? Localization.forLanguage(lang) : Localization.defaultLocale());
    centreViews.put(NavItem.Kind.ANALYSES, item -> placeholder(lang("analyses.placeholder")));
    Scene scene = new Scene(root);
    scene.getStylesheets().add(MainWindow.class.getResource("/ui/workbench.css").toExternalForm());
    stage.setScene(scene);
    stage.titleProperty().bind(vm.windowTitleProperty());
    restoreGeometry();
    installing = true;
    try {
      features.accept(this);
      refreshMenus(); // collects the feature menus; build() puts up the menu bar
    } finally {
      installing = false;
    }
    build();
    vm.projectProperty().addListener((o, a, b) -> projectChanged());
    // outcomes, and time points added or relabelled in a grid, appear in the navigator
    vm.outcomes()
        .addListener((javafx.collections.ListChangeListener<Outcome>) c -> navigatorChanged());
    vm.revisionProperty().addListener((o, a, b) -> navigatorChanged());
    stage.setOnHidden(e -> saveGeometry());
    stage.showingProperty().addListener((o, a, b) -> shownBefore |= b);
  }

  /**
   * Installs the navigator's actions: the context menu items for a node, the buttons of the small
   * toolbar above the navigator, and a menu for the menu bar (e.g. Outcome).
   */
  public void installNavigatorActions(
      Function<NavItem, java.util.List<MenuItem>> contextMenu,
      java.util.function.Supplier<java.util.List<Node>> toolbar) {
    this.navigatorMenu = contextMenu;
    this.navigatorToolbar = toolbar;
    build();
  }

  private Function<NavItem, java.util.List<MenuItem>> navigatorMenu = item -> java.util.List.of();
  private java.util.function.Supplier<java.util.List<Node>> navigatorToolbar = java.util.List::of;

  private java.util.function.Supplier<java.util.List<MenuItem>> editMenuItems = java.util.List::of;
  private java.util.function.Supplier<java.util.List<MenuItem>> fileMenuItems = java.util.List::of;

  /** Feature items of the File menu (e.g. the Import submenu), rebuilt with the menus. */
  public void installFileMenuItems(java.util.function.Supplier<java.util.List<MenuItem>> items) {
    this.fileMenuItems = items;
    refreshMenus();
  }

  /** Feature items appended to the Edit menu (e.g. Paste as new rows), rebuilt with the menus. */
  public void installEditMenuItems(java.util.function.Supplier<java.util.List<MenuItem>> items) {
    this.editMenuItems = items;
    refreshMenus();
  }

  /** The navigator node selected now. */
  public NavItem selectedItem() {
    return selected;
  }

  /** Installs the centre view shown for a kind of navigator node (e.g. the analyses view). */
  public void installCenterView(NavItem.Kind kind, Function<NavItem, Node> factory) {
    centreViews.put(kind, factory);
    if (selected.kind() == kind) {
      showCentre();
    }
  }

  /** The view shown in the centre now (for jumps from the Problems list). */
  public Node centreView() {
    return centre.getChildren().isEmpty() ? null : centre.getChildren().get(0);
  }

  public MainViewModel viewModel() {
    return vm;
  }

  public Stage stage() {
    return stage;
  }

  /** Selects a navigator node by kind (and id for outcomes), showing its view. */
  public void navigate(NavItem.Kind kind, long id) {
    select(navigator.getRoot(), kind, id);
  }

  private boolean select(TreeItem<NavItem> item, NavItem.Kind kind, long id) {
    NavItem v = item.getValue();
    if (v != null
        && v.kind() == kind
        && (id == 0 || v.id() == id)
        && (kind != NavItem.Kind.TIME_POINT || v.subId() == selected.subId())) {
      navigator.getSelectionModel().select(item);
      return true;
    }
    for (TreeItem<NavItem> child : item.getChildren()) {
      if (select(child, kind, id)) {
        return true;
      }
    }
    return false;
  }

  // ---- building ----

  /** True while the constructor installs the features: nothing is built until they are all in. */
  private boolean installing;

  private void build() {
    if (installing) {
      return;
    }
    double[] dividers =
        split == null
            ? new double[] {vm.settings().getDouble("divider.main", 0.18)}
            : split.getDividerPositions();
    root.setTop(menuBar());
    navigator = new TreeView<>();
    navigator.setId("navigator");
    navigator.setShowRoot(false);
    navigator.setCellFactory(
        t ->
            new javafx.scene.control.TreeCell<>() {
              // one tooltip per cell, its text following the item; the context menu is built when
              // asked for (a popup window per cell and update cost the window's first frame)
              private javafx.scene.control.Tooltip tip;

              {
                setOnContextMenuRequested(
                    e -> {
                      NavItem item = getItem();
                      java.util.List<MenuItem> items =
                          item == null || isEmpty()
                              ? java.util.List.of()
                              : navigatorMenu.apply(item);
                      if (!items.isEmpty()) {
                        new javafx.scene.control.ContextMenu(items.toArray(MenuItem[]::new))
                            .show(this, e.getScreenX(), e.getScreenY());
                      }
                      e.consume();
                    });
              }

              @Override
              protected void updateItem(NavItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                // long outcome names are cut by the navigator's width: the whole name on hover
                if (empty || item == null) {
                  setTooltip(null);
                } else {
                  if (tip == null) {
                    tip = new javafx.scene.control.Tooltip();
                  }
                  tip.setText(item.text());
                  setTooltip(tip);
                }
              }
            });
    rebuildNavigator();
    navigator
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b.getValue() != null) {
                selected = b.getValue();
                if (!projectChanging) {
                  showCentre();
                }
              }
            });
    BorderPane navPane = new BorderPane(navigator);
    java.util.List<Node> tools = navigatorToolbar.get();
    if (!tools.isEmpty()) {
      javafx.scene.control.ToolBar navBar = new javafx.scene.control.ToolBar();
      navBar.setId("navigatorToolbar");
      navBar.getItems().setAll(tools);
      navPane.setTop(navBar);
    }
    navPane.setMinWidth(190);
    split = new SplitPane(navPane, centre);
    split.setDividerPositions(dividers);
    SplitPane.setResizableWithParent(navPane, false);
    root.setCenter(split);
    Label status = new Label();
    status.setId("statusBar");
    status.textProperty().bind(vm.statusProperty());
    HBox bar = new HBox(status);
    bar.getStyleClass().add("status-bar");
    bar.setPadding(new Insets(3, 8, 3, 8));
    root.setBottom(bar);
    showCentre();
  }

  private String navigatorShape = "";

  /** Whether the window has been on screen (the project of a hidden window is closed on exit). */
  private boolean shownBefore;

  /** True while {@link #projectChanged} fills the navigator: the centre is shown once, after. */
  private boolean projectChanging;

  /**
   * Another project, or none: the menus, the navigator's nodes and the centre follow it; the
   * window's frame (menu bar, navigator, split, status bar) stays, already styled. The window can
   * so be built while its first project is still read (start-up, ADR 0132).
   */
  private void projectChanged() {
    selected = new NavItem(NavItem.Kind.STUDIES, 0, "");
    if (installing || navigator == null) {
      return;
    }
    if (shownBefore && !stage.isShowing()) {
      // JavaFX forgets a hidden window's style sheets: nodes kept and restyled now would miss
      // modena's looked-up colours (a warning per cell); new nodes are styled when shown again
      build();
      return;
    }
    root.setTop(menuBar());
    projectChanging = true;
    try {
      rebuildNavigator();
    } finally {
      projectChanging = false;
    }
    showCentre();
  }

  private void navigatorChanged() {
    if (!navigatorShape().equals(navigatorShape)) {
      rebuildNavigator();
    }
  }

  /** What the navigator shows of the project: outcomes and their time points. */
  private String navigatorShape() {
    StringBuilder sb = new StringBuilder();
    if (vm.project() != null) {
      for (Outcome o : vm.project().outcomes()) {
        sb.append(o).append('|');
        for (TimePoint t : vm.project().timePointsOf(o.id())) {
          sb.append(t).append(';');
        }
      }
    }
    return sb.toString();
  }

  private void rebuildNavigator() {
    if (navigator == null) {
      return;
    }
    navigatorShape = navigatorShape();
    TreeItem<NavItem> rootItem = new TreeItem<>();
    TreeItem<NavItem> studies =
        new TreeItem<>(new NavItem(NavItem.Kind.STUDIES, 0, lang("nav.studies")));
    studies
        .getChildren()
        .add(
            new TreeItem<>(
                new NavItem(NavItem.Kind.CHARACTERISTICS, 0, lang("nav.characteristics"))));
    studies.setExpanded(true);
    TreeItem<NavItem> outcomes =
        new TreeItem<>(new NavItem(NavItem.Kind.OUTCOMES, 0, lang("nav.outcomes")));
    outcomes.setExpanded(true);
    if (vm.project() != null) {
      for (Outcome o : vm.project().outcomes()) {
        TreeItem<NavItem> oi =
            new TreeItem<>(
                new NavItem(
                    NavItem.Kind.OUTCOME,
                    o.id(),
                    o.name(Localization.language())
                        + (o.unit().isEmpty() ? "" : " (" + o.unit() + ")")));
        for (TimePoint t : vm.project().timePointsOf(o.id())) {
          oi.getChildren()
              .add(
                  new TreeItem<>(
                      new NavItem(
                          NavItem.Kind.TIME_POINT,
                          o.id(),
                          t.id(),
                          org.ewb.logic.extraction.TimePointText.of(t))));
        }
        outcomes.getChildren().add(oi);
      }
    }
    TreeItem<NavItem> problems =
        new TreeItem<>(new NavItem(NavItem.Kind.PROBLEMS, 0, lang("nav.problems")));
    TreeItem<NavItem> analyses =
        new TreeItem<>(new NavItem(NavItem.Kind.ANALYSES, 0, lang("nav.analyses")));
    rootItem.getChildren().addAll(java.util.List.of(studies, outcomes, problems, analyses));
    navigator.setRoot(rootItem);
    if (!select(rootItem, selected.kind(), selected.id())) {
      navigator.getSelectionModel().select(studies);
    }
  }

  private void showCentre() {
    if (installing) {
      return;
    }
    if (vm.project() == null) {
      centre.getChildren().setAll(placeholder(lang("welcome")));
      return;
    }
    NavItem.Kind kind = selected.kind();
    Function<NavItem, Node> f = centreViews.get(kind);
    if (f == null && kind == NavItem.Kind.TIME_POINT) {
      f = centreViews.get(NavItem.Kind.OUTCOME);
    }
    Node view = f != null ? f.apply(selected) : placeholder(selected.text());
    centre.getChildren().setAll(view);
  }

  private static Node placeholder(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("placeholder");
    l.setWrapText(true);
    return new StackPane(l);
  }

  private MenuBar menuBar() {
    Menu file = new Menu(lang("menu.file"));
    file.setId("menuFile");
    MenuItem newItem = new MenuItem(lang("menu.file.new"));
    newItem.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
    newItem.setOnAction(e -> newProject());
    MenuItem open = new MenuItem(lang("menu.file.open"));
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
    open.setOnAction(e -> openProject());
    Menu recent = new Menu(lang("menu.file.recent"));
    for (Path p : vm.recentFiles()) {
      MenuItem r = new MenuItem(p.toString());
      r.setMnemonicParsing(false);
      r.setOnAction(e -> run(() -> vm.open(p)));
      recent.getItems().add(r);
    }
    recent.setDisable(recent.getItems().isEmpty());
    MenuItem saveAs = new MenuItem(lang("menu.file.saveAs"));
    saveAs.setOnAction(e -> saveAs());
    saveAs.setDisable(vm.project() == null);
    MenuItem quit = new MenuItem(lang("menu.file.quit"));
    quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(e -> stage.close());
    file.getItems().addAll(newItem, open, recent, saveAs);
    java.util.List<MenuItem> fileMore = fileMenuItems.get();
    if (!fileMore.isEmpty()) {
      file.getItems().add(new SeparatorMenuItem());
      file.getItems().addAll(fileMore);
    }
    file.getItems().addAll(new SeparatorMenuItem(), quit);

    Menu language = new Menu(lang("menu.language"));
    language.setId("menuLanguage");
    ToggleGroup group = new ToggleGroup();
    RadioMenuItem en = new RadioMenuItem("English");
    RadioMenuItem zh = new RadioMenuItem("简体中文");
    en.setToggleGroup(group);
    zh.setToggleGroup(group);
    (Localization.language().equals("zh") ? zh : en).setSelected(true);
    en.setOnAction(e -> switchLanguage(Locale.ENGLISH));
    zh.setOnAction(e -> switchLanguage(Localization.CHINESE));
    language.getItems().addAll(en, zh);
    Menu edit = new Menu(lang("menu.edit"));
    edit.setId("menuEdit");
    MenuItem undo = new MenuItem(lang("menu.edit.undo"));
    undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
    undo.setOnAction(e -> run(() -> vm.undo().ifPresent(this::reveal)));
    MenuItem redo = new MenuItem(lang("menu.edit.redo"));
    redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
    redo.setOnAction(e -> run(() -> vm.redo().ifPresent(this::reveal)));
    edit.setOnShowing(
        e -> {
          undo.setText(
              vm.history()
                  .nextUndo()
                  .map(x -> lang("menu.edit.undoWhat", x.description()))
                  .orElse(lang("menu.edit.undo")));
          redo.setText(
              vm.history()
                  .nextRedo()
                  .map(x -> lang("menu.edit.redoWhat", x.description()))
                  .orElse(lang("menu.edit.redo")));
          undo.setDisable(!vm.history().canUndo());
          redo.setDisable(!vm.history().canRedo());
        });
    edit.getItems().addAll(undo, redo);
    java.util.List<MenuItem> more = editMenuItems.get();
    if (!more.isEmpty()) {
      edit.getItems().add(new SeparatorMenuItem());
      edit.getItems().addAll(more);
    }
    MenuBar bar = new MenuBar(file, edit);
    for (Menu m : extraMenus) {
      bar.getMenus().add(m);
    }
    bar.getMenus().add(language);
    return bar;
  }

  private final java.util.List<Menu> extraMenus = new java.util.ArrayList<>();

  /** Called while the menu bar is rebuilt, so feature menus (Edit) follow language switches. */
  public void setExtraMenus(java.util.function.Supplier<java.util.List<Menu>> menus) {
    this.extraMenuSupplier = menus;
    refreshMenus();
  }

  private java.util.function.Supplier<java.util.List<Menu>> extraMenuSupplier;

  private void refreshMenus() {
    extraMenus.clear();
    if (extraMenuSupplier != null) {
      extraMenus.addAll(extraMenuSupplier.get());
    }
    if (!installing) {
      root.setTop(menuBar());
    }
  }

  /** A grid that can show the cell an edit changed (after Edit › Undo / Redo). */
  public interface RevealsEdits {
    void reveal(org.ewb.logic.extraction.Edit edit);
  }

  private void reveal(org.ewb.logic.extraction.Edit edit) {
    if (centreView() instanceof RevealsEdits r) {
      r.reveal(edit);
    }
  }

  /** Switches every text of the window to another language and remembers the choice. */
  public void switchLanguage(Locale locale) {
    Localization.setLocale(locale);
    vm.settings().setLanguage(Localization.language());
    vm.languageChanged();
    refreshMenus();
    build();
  }

  // ---- actions ----

  private void newProject() {
    FileChooser chooser = chooser(lang("dialog.new.title"));
    File f = chooser.showSaveDialog(stage);
    if (f == null) {
      return;
    }
    Path path = f.toPath();
    if (!path.getFileName().toString().endsWith(".ewb")) {
      path = path.resolveSibling(path.getFileName() + ".ewb");
    }
    Optional<String> title =
        Dialogs.ask(
            stage,
            lang("dialog.new.title"),
            lang("dialog.new.header"),
            lang("dialog.new.prompt"),
            lang("dialog.new.defaultTitle"));
    Path target = path;
    title.filter(t -> !t.isBlank()).ifPresent(t -> run(() -> vm.create(target, t.strip())));
  }

  private void openProject() {
    File f = chooser(lang("dialog.open.title")).showOpenDialog(stage);
    if (f != null) {
      run(() -> vm.open(f.toPath()));
    }
  }

  private void saveAs() {
    File f = chooser(lang("dialog.saveAs.title")).showSaveDialog(stage);
    if (f != null) {
      Path path = f.toPath();
      Path target =
          path.getFileName().toString().endsWith(".ewb")
              ? path
              : path.resolveSibling(path.getFileName() + ".ewb");
      run(() -> vm.saveAs(target));
    }
  }

  private FileChooser chooser(String title) {
    FileChooser c = new FileChooser();
    c.setTitle(title);
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter(lang("dialog.filter"), "*.ewb"));
    if (vm.project() != null && vm.project().file().toAbsolutePath().getParent() != null) {
      c.setInitialDirectory(vm.project().file().toAbsolutePath().getParent().toFile());
    }
    return c;
  }

  /** Runs an action; a reviewer-facing problem is shown in a dialog, never as a stack trace. */
  public void run(Runnable action) {
    try {
      action.run();
    } catch (WorkbenchException e) {
      LOG.info("Action refused: {}", e.getMessage());
      showError(e.getMessage());
    }
  }

  public void showError(String message) {
    Dialogs.inform(stage, Alert.AlertType.ERROR, message);
  }

  // ---- window layout memory ----

  private void restoreGeometry() {
    WorkbenchSettings s = vm.settings();
    // a layout remembered from a larger monitor must still fit on this one
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    double w = Math.min(s.getDouble("window.width", 1400), screen.getWidth());
    double h = Math.min(s.getDouble("window.height", 900), screen.getHeight());
    stage.setWidth(w);
    stage.setHeight(h);
    double x = s.getDouble("window.x", Double.NaN);
    double y = s.getDouble("window.y", Double.NaN);
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      stage.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w)));
      stage.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h)));
    } else {
      stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
      stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    }
    stage.setMaximized(s.getBoolean("window.maximized", false));
  }

  private void saveGeometry() {
    WorkbenchSettings s = vm.settings();
    s.putBoolean("window.maximized", stage.isMaximized());
    if (!stage.isMaximized()) {
      s.putDouble("window.width", stage.getWidth());
      s.putDouble("window.height", stage.getHeight());
      s.putDouble("window.x", stage.getX());
      s.putDouble("window.y", stage.getY());
    }
    if (split != null) {
      s.putDouble("divider.main", split.getDividerPositions()[0]);
    }
    s.flush();
  }

  /** Closes the project on exit so the file is left consistent. */
  public void shutdown() {
    Platform.runLater(vm::close);
  }
}
