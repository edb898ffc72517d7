package org.ewb.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Study;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.ui.WorkbenchApp;
import org.ewb.ui.extraction.CharacteristicsView;
import org.ewb.ui.extraction.SheetModel;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.NavItem;
import org.ewb.ui.main.WorkbenchSettings;

/**
 * Benchmark (not a test) of the characteristics grid on a large project, in the real window (run
 * under Xvfb): open-to-grid time, scrolling from top to bottom, and the latency from committing a
 * typed cell to the value being stored in the file. Prints its figures to standard error.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.ewb.bench.GridBenchmark\$Run FILE
 * </pre>
 */
public final class GridBenchmark extends Application {

  private static final java.io.PrintStream OUT = System.err;

  @Override
  public void start(Stage stage) {
    Path file = Path.of(getParameters().getRaw().get(0));
    Localization.setLocale(Locale.ENGLISH);
    WorkbenchSettings settings =
        new WorkbenchSettings(Preferences.userRoot().node("org/ewb/bench/" + UUID.randomUUID()));
    settings.setLanguage("en");
    MainWindow w =
        WorkbenchApp.open(stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
    long t0 = System.nanoTime();
    w.viewModel().open(file);
    long tOpened = System.nanoTime();
    w.navigate(NavItem.Kind.CHARACTERISTICS, 0);
    CharacteristicsView view = (CharacteristicsView) w.centreView();
    TableView<Study> table = view.sheet().table();
    // the grid is visible once a pulse has laid out and drawn its first rows
    stage
        .getScene()
        .addPostLayoutPulseListener(
            new Runnable() {
              @Override
              public void run() {
                if (table.lookup(".table-row-cell") != null) {
                  stage.getScene().removePostLayoutPulseListener(this);
                  long tGrid = System.nanoTime();
                  OUT.printf(
                      Locale.ROOT,
                      "open (read %d studies into memory)  %.0f ms%n",
                      table.getItems().size(),
                      (tOpened - t0) / 1e6);
                  OUT.printf(
                      Locale.ROOT,
                      "open-to-grid (first rows laid out)  %.0f ms%n",
                      (tGrid - t0) / 1e6);
                  Platform.runLater(() -> scroll(table, view, settings));
                }
              }
            });
  }

  private void scroll(TableView<Study> table, CharacteristicsView view, WorkbenchSettings s) {
    VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
    long t0 = System.nanoTime();
    int pages = 0;
    List<Double> pageMs = new ArrayList<>();
    while (flow.getLastVisibleCell() == null
        || flow.getLastVisibleCell().getIndex() < table.getItems().size() - 1) {
      long p0 = System.nanoTime();
      flow.scrollPixels(flow.getHeight() - 30);
      table.applyCss();
      table.layout();
      pageMs.add((System.nanoTime() - p0) / 1e6);
      pages++;
    }
    OUT.printf(
        Locale.ROOT,
        "scroll top-to-bottom (%d pages)  %.0f ms total, page median %.1f ms," + " p95 %.1f ms%n",
        pages,
        (System.nanoTime() - t0) / 1e6,
        pct(pageMs, 50),
        pct(pageMs, 95));
    flow.scrollTo(0);
    commits(table, view, s);
  }

  private void commits(TableView<Study> table, CharacteristicsView view, WorkbenchSettings s) {
    SheetModel<Study> model = view.sheet().model();
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Study row = table.getItems().get(i * 20);
      long c0 = System.nanoTime();
      // the same call the cell editor makes on Enter; it returns after the store committed
      model.commit(List.of(new SheetModel.CellChange<>(row, 2, "bench " + i)), "edit");
      table.refresh();
      ms.add((System.nanoTime() - c0) / 1e6);
    }
    OUT.printf(
        Locale.ROOT,
        "commit-to-stored (200 cells)  median %.1f ms, p95 %.1f ms, max %.1f ms%n",
        pct(ms, 50),
        pct(ms, 95),
        Collections.max(ms));
    List<Double> undo = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long c0 = System.nanoTime();
      model.undo();
      undo.add((System.nanoTime() - c0) / 1e6);
    }
    OUT.printf(
        Locale.ROOT,
        "undo (200 edits)  median %.1f ms, p95 %.1f ms%n",
        pct(undo, 50),
        pct(undo, 95));
    table.getScene().getWindow().hide();
    s.clear();
    Platform.exit();
  }

  private static double pct(List<Double> values, int p) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    return v.get(Math.min(v.size() - 1, (int) Math.ceil(p / 100.0 * v.size()) - 1));
  }

  /** Entry point outside the Application class, so JavaFX loads from the class path. */
  public static final class Run {
    public static void main(String[] args) {
      Application.launch(GridBenchmark.class, args);
    }
  }
}
