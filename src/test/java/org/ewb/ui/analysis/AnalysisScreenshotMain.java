package org.ewb.ui.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.persistence.SqliteProjectStore;

/**
 * Opens the analysis view on a copy of a project for a screenshot under Xvfb: {@code FILE KIND
 * [SUBGROUP]}.
 */
public final class AnalysisScreenshotMain extends Application {

  @Override
  public void start(Stage stage) throws Exception {
    var args = getParameters().getRaw();
    Path copy = Files.createTempFile("analysis", ".ewb");
    Files.copy(Path.of(args.get(0)), copy, StandardCopyOption.REPLACE_EXISTING);
    ProjectRepository repo = SqliteProjectStore.open(copy);
    AnalysisViewModel vm = new AnalysisViewModel(repo);
    vm.kindProperty().set(FigureRequest.Kind.valueOf(args.get(1)));
    if (args.size() > 2) {
      vm.subgroupProperty().set(args.get(2));
    }
    stage.setScene(new Scene(new AnalysisView(vm), 1400, 900));
    stage.show();
    stage.setOnHidden(e -> repo.close());
    Platform.runLater(() -> {});
  }

  /** Entry point outside the Application class, so JavaFX loads from the class path. */
  public static final class Run {
    public static void main(String[] args) {
      Application.launch(AnalysisScreenshotMain.class, args);
    }
  }
}
