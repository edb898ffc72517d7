package org.ewb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.MainViewModel;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.WorkbenchSettings;

/**
 * The JavaFX application. {@link #launch} is called by the composition root with the functions that
 * open and create project files; the UI never sees the persistence layer itself.
 */
public final class WorkbenchApp extends Application {

  private static Path initialFile;

  /**
   * The initial project, read on a background thread while JavaFX starts (both take about a second
   * on a large project, and the machine has more than one core).
   */
  private static CompletableFuture<ProjectCache> preloaded;

  private static Function<Path, ProjectRepository> opener;
  private static BiFunction<Path, String, ProjectRepository> creator;
  private static Runnable onShown;
  private MainWindow window;

  /**
   * Like {@link #launch(Path, Function, BiFunction)}, and runs {@code shown} once after the first
   * frame that shows the initial project (or the empty window) has been laid out: the start-up
   * probe of the benchmark.
   */
  public static void launch(
      Path file,
      Function<Path, ProjectRepository> open,
      BiFunction<Path, String, ProjectRepository> create,
      Runnable shown) {
    onShown = shown;
    launch(file, open, create);
  }

  /** Starts JavaFX and blocks until the window is closed. */
  public static void launch(
      Path file,
      Function<Path, ProjectRepository> open,
      BiFunction<Path, String, ProjectRepository> create) {
    initialFile = file;
    opener = open;
    creator = create;
    if (file != null && Files.isRegularFile(file)) {
      preloaded =
          CompletableFuture.supplyAsync(
              () -> ProjectCache.load(open.apply(file)),
              r -> {
                Thread t = new Thread(r, "ewb-preload");
                t.setDaemon(true);
                t.start();
              });
    }
    Application.launch(WorkbenchApp.class);
  }

  /**
   * How long the window waits, once JavaFX is up, for the project read while JavaFX started
   * (usually done by then): a slower read shows the window first, and the project when it is in.
   * {@code -Dewb.preloadWaitMs=0} always takes the second way (tried by hand, ADR 0132).
   */
  static final long PRELOAD_WAIT_MS = Long.getLong("ewb.preloadWaitMs", 400);

  @Override
  public void start(Stage stage) {
    CompletableFuture<ProjectCache> pre = preloaded;
    preloaded = null;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PRELOAD_WAIT_MS);
    ProjectCache initial;
    if (pre != null && !pre.isDone()) {
      // still being read: the window's frame (menus, navigator, status bar) is built and styled
      // meanwhile, the FX thread's first style pass being the slowest part of the first frame,
      // and the project is installed into it when read; the window is still shown once, with its
      // content (ADR 0132)
      window = open(stage, opener, creator, WorkbenchSettings.user(), null);
      stage.getScene().getRoot().applyCss();
      initial = await(pre, deadline);
      if (initial != null) {
        ProjectCache project = initial;
        window.run(() -> window.viewModel().install(project));
      }
    } else {
      // read already (a small project), failed (reported in the shown window), or no file: the
      // project is installed before the window is built, which is then built once
      initial = await(pre, deadline);
      window = open(stage, opener, creator, WorkbenchSettings.user(), initial);
    }
    stage.show();
    if (initialFile == null || initial != null) {
      afterNextLayout(stage);
      return;
    }
    Path file = initialFile;
    Runnable install =
        () -> {
          if (window.viewModel().project() == null) { // not if the reviewer opened another
            window.run(() -> openInitial(file, pre));
          }
          afterNextLayout(stage);
        };
    if (pre == null) {
      Platform.runLater(install);
    } else {
      // the FX thread stays free meanwhile: the window answers while a large file is read
      pre.whenComplete((r, e) -> Platform.runLater(install));
    }
  }

  /** The preloaded project, waiting until {@code deadline}; null if failed, late or none. */
  private static ProjectCache await(CompletableFuture<ProjectCache> pre, long deadline) {
    if (pre == null) {
      return null;
    }
    try {
      return pre.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null; // failed (reported in the shown window) or not read yet (installed when it is)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Runs {@link #onShown} (if any) once the next pulse has laid the window out. */
  private static void afterNextLayout(Stage stage) {
    Runnable shown = onShown;
    if (shown == null) {
      return;
    }
    onShown = null;
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          stage.getScene().removePostLayoutPulseListener(listener[0]);
          Platform.runLater(shown);
        };
    stage.getScene().addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }

  /** Reports why the preloaded project failed, or opens the file (with the usual message). */
  private void openInitial(Path file, CompletableFuture<ProjectCache> pre) {
    if (pre != null) {
      try {
        window.viewModel().install(pre.join());
        return;
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof WorkbenchException we)) {
          throw e;
        }
        throw we;
      }
    }
    window.viewModel().open(file);
  }

  /** Builds the main window on a stage (also used by tests with their own settings). */
  public static MainWindow open(
      Stage stage,
      Function<Path, ProjectRepository> open,
      BiFunction<Path, String, ProjectRepository> create,
      WorkbenchSettings settings) {
    return open(stage, open, create, settings, null);
  }

  /** As {@link #open(Stage, Function, BiFunction, WorkbenchSettings)}, on a project if not null. */
  static MainWindow open(
      Stage stage,
      Function<Path, ProjectRepository> open,
      BiFunction<Path, String, ProjectRepository> create,
      WorkbenchSettings settings,
      ProjectCache project) {
    MainViewModel vm = new MainViewModel(open, create, settings);
    if (project != null) {
      vm.install(project);
    }
    MainWindow w = new MainWindow(stage, vm, Extensions::install);
    return w;
  }

  @Override
  public void stop() {
    if (window != null) {
      try {
        window.viewModel().close();
      } catch (WorkbenchException e) {
        // the file is committed after every edit; a failing close loses nothing
        org.slf4j.LoggerFactory.getLogger(WorkbenchApp.class).warn(e.getMessage());
      }
    }
  }
}
