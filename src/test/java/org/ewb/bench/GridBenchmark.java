package org.ewb.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.ewb.bench.GridBenchmark\$Run FILE
 * </pre>
 *
 * <p>Besides wall time it prints the process CPU time of each phase (the machine is shared, so wall
 * time alone says little) and the time from JVM start to the first window (JavaFX start-up).
 */
public final class GridBenchmark extends Application {

  private static final java.io.PrintStream OUT = System.err;

  private static final java.lang.management.RuntimeMXBean RUNTIME =
      java.lang.management.ManagementFactory.getRuntimeMXBean();

  /** CPU time of the whole process (all threads, JIT and GC included), in ms. */
  private static double cpuMs() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e6;
  }

  @Override
  public void start(Stage stage) {
    OUT.printf(
        Locale.ROOT,
        "JVM start to Application.start  %d ms (cpu %.0f ms)%n",
        RUNTIME.getUptime(),
        cpuMs());
    Path file = Path.of(getParameters().getRaw().get(0));
    Localization.setLocale(Locale.ENGLISH);
    WorkbenchSettings settings = WorkbenchSettings.inMemory();
    settings.setLanguage("en");
    MainWindow w =
        WorkbenchApp.open(stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
    // as the application does: the empty window is drawn first, then the project is opened
    afterPulse(
        stage,
        () -> true,
        () -> {
          OUT.printf(
              Locale.ROOT,
              "JVM start to empty window laid out  %d ms (cpu %.0f ms)%n",
              RUNTIME.getUptime(),
              cpuMs());
          Platform.runLater(() -> openAndMeasure(stage, w, file, settings));
        });
  }

  private MainWindow window;

  private void openAndMeasure(Stage stage, MainWindow w, Path file, WorkbenchSettings settings) {
    window = w;
    long t0 = System.nanoTime();
    double c0 = cpuMs();
    w.viewModel().open(file);
    long tOpened = System.nanoTime();
    double cOpened = cpuMs();
    OUT.printf(
        Locale.ROOT,
        "open (read %d studies into memory)  %.0f ms (cpu %.0f ms)%n",
        w.viewModel().studies().size(),
        (tOpened - t0) / 1e6,
        cOpened - c0);
    // the study list shows once a pulse has laid out its first rows
    afterPulse(
        stage,
        () -> w.centreView() != null && w.centreView().lookup(".table-row-cell") != null,
        () -> {
          OUT.printf(
              Locale.ROOT,
              "open-to-study-list (first rows laid out)  %.0f ms (cpu %.0f ms)%n",
              (System.nanoTime() - t0) / 1e6,
              cpuMs() - c0);
          Platform.runLater(() -> showGrid(stage, w, settings));
        });
  }

  private void showGrid(Stage stage, MainWindow w, WorkbenchSettings settings) {
    long t0 = System.nanoTime();
    double c0 = cpuMs();
    w.navigate(NavItem.Kind.CHARACTERISTICS, 0);
    CharacteristicsView view = (CharacteristicsView) w.centreView();
    TableView<Study> table = view.sheet().table();
    afterPulse(
        stage,
        () -> table.lookup(".table-row-cell") != null,
        () -> {
          OUT.printf(
              Locale.ROOT,
              "characteristics grid (navigate to first rows laid out)  %.0f ms (cpu %.0f ms)%n",
              (System.nanoTime() - t0) / 1e6,
              cpuMs() - c0);
          OUT.printf(
              Locale.ROOT,
              "JVM start to grid shown  %d ms (cpu %.0f ms)%n",
              RUNTIME.getUptime(),
              cpuMs());
          Platform.runLater(() -> scroll(table, view, settings));
        });
  }

  /** Runs {@code then} after the first layout pulse at which {@code ready} holds. */
  private static void afterPulse(
      Stage stage, java.util.function.BooleanSupplier ready, Runnable then) {
    stage
        .getScene()
        .addPostLayoutPulseListener(
            new Runnable() {
              @Override
              public void run() {
                if (ready.getAsBoolean()) {
                  stage.getScene().removePostLayoutPulseListener(this);
                  then.run();
                }
              }
            });
    Platform.requestNextPulse();
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
    outcomeGrid((Stage) table.getScene().getWindow(), s);
  }

  /** First view of an outcome grid: its data is read from the file on first use (ADR 0073). */
  private void outcomeGrid(Stage stage, WorkbenchSettings s) {
    long t0 = System.nanoTime();
    double c0 = cpuMs();
    window.navigate(NavItem.Kind.OUTCOME, window.viewModel().outcomes().get(0).id());
    afterPulse(
        stage,
        () -> window.centreView().lookup(".table-row-cell") != null,
        () -> {
          OUT.printf(
              Locale.ROOT,
              "outcome grid, first view (reads 60,000 measurements)  %.0f ms (cpu %.0f ms)%n",
              (System.nanoTime() - t0) / 1e6,
              cpuMs() - c0);
          Platform.runLater(
              () -> {
                stage.hide();
                s.clear();
                Platform.exit();
              });
        });
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
