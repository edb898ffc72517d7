package org.ewb.ui;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.application.Application;
import javafx.stage.Stage;
import org.ewb.logic.project.ProjectRepository;

/** The JavaFX application: the main window. (Placeholder until the UI feature lands.) */
public final class WorkbenchApp extends Application {

  private static Path initialFile;
  private static Function<Path, ProjectRepository> opener;
  private static BiFunction<Path, String, ProjectRepository> creator;

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
    stage.setTitle("Evidence Workbench");
    stage.show();
  }
}
