package org.ewb.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ewb.logic.l10n.Localization;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.NavItem;
import org.ewb.ui.main.WorkbenchSettings;

/**
 * Opens the real window on a project at a given view and language, for README screenshots taken
 * under Xvfb with {@code import -window root}: {@code FILE VIEW LANG [OUTCOME_ID]} where VIEW is
 * studies, characteristics or outcome.
 */
public final class ScreenshotMain extends Application {

  @Override
  public void start(Stage stage) {
    var args = getParameters().getRaw();
    WorkbenchSettings settings = WorkbenchSettings.inMemory();
    settings.setLanguage(args.get(2));
    settings.putDouble("window.width", 1500);
    settings.putDouble("window.height", 900);
    MainWindow w =
        WorkbenchApp.open(stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
    w.viewModel().open(Path.of(args.get(0)));
    switch (args.get(1)) {
      case "characteristics" -> w.navigate(NavItem.Kind.CHARACTERISTICS, 0);
      case "outcome" ->
          w.navigate(NavItem.Kind.OUTCOME, args.size() > 3 ? Long.parseLong(args.get(3)) : 0);
      default -> w.navigate(NavItem.Kind.STUDIES, 0);
    }
    Localization.setLocale(Localization.forLanguage(args.get(2)));
    stage.setOnHidden(e -> settings.clear());
    Platform.runLater(() -> {});
  }

  /** Entry point outside the Application class, so JavaFX loads from the class path. */
  public static final class Run {
    public static void main(String[] args) {
      Application.launch(ScreenshotMain.class, args);
    }
  }
}
