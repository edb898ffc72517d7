package org.ewb.ui;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
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
  private static Function<Path, ProjectRepository> opener;
  private static BiFunction<Path, String, ProjectRepository> creator;
  private MainWindow window;

  /** Starts JavaFX and blocks until the window is closed. */
  public static void launch(
      Path file,
      Function<Path, ProjectRepository> open,
      BiFunction<Path, String, ProjectRepository> create) {
    initialFile = file;
    opener = open;
    creator = create;
    Application.launch(WorkbenchApp.class);
  }

  @Override
  public void start(Stage stage) {
    window = open(stage, opener, creator, WorkbenchSettings.user());
    stage.show();
    if (initialFile != null) {
      Path file = initialFile;
      Platform.runLater(() -> window.run(() -> window.viewModel().open(file)));
    }
  }

  /** Builds the main window on a stage (also used by tests with their own settings). */
  public static MainWindow open(
      Stage stage,
      Function<Path, ProjectRepository> open,
      BiFunction<Path, String, ProjectRepository> create,
      WorkbenchSettings settings) {
    MainViewModel vm = new MainViewModel(open, create, settings);
    MainWindow w = new MainWindow(stage, vm);
    Extensions.install(w);
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
