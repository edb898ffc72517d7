package org.ewb.ui.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ewb.logic.importing.ImportProgress;
import org.ewb.logic.importing.ReferenceImporter;
import org.ewb.logic.importing.ReferenceReader;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.StudyStatus;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.WorkbenchSettings;

/**
 * Shows the duplicates dialog for README screenshots under Xvfb: a project holding the three RIS
 * records, then three.nbib plus a possible duplicate to review. Args: DIR LANG.
 */
public final class ImportDialogScreenshot extends Application {

  @Override
  public void start(Stage stage) throws Exception {
    var args = getParameters().getRaw();
    Path dir = Path.of(args.get(0));
    Localization.setLocale(Localization.forLanguage(args.get(1)));
    Path p = dir.resolve("shot-" + UUID.randomUUID() + ".ewb");
    try (SqliteProjectStore s = SqliteProjectStore.create(p, "Import")) {
      var parsed =
          ReferenceReader.read(Path.of("src/test/resources/importing/three.ris"), null, Map.of());
      var plan = ReferenceImporter.plan(parsed, s.studies(), s.references());
      ReferenceImporter.apply(s, s, plan, Map.of(), StudyStatus.INCLUDED, ImportProgress.NONE);
    }
    Path more = dir.resolve("more.ris");
    Files.writeString(
        more,
        Files.readString(Path.of("src/test/resources/importing/three.ris"))
                .replaceAll("(?s)TY  - JOUR\nAU  - Li.*", "")
            + "TY  - JOUR\nAU  - Hu, J.\nTI  - Long-term effects of implantation of Wharton's jelly"
            + " derived mesenchymal stem cells from the umbilical cord for newly onset type 1"
            + " diabetes\n"
            + "PY  - 2014\nJO  - Diabetologia\nER  - \n");
    WorkbenchSettings settings = WorkbenchSettings.inMemory();
    settings.setLanguage(args.get(1));
    MainWindow w =
        org.ewb.ui.WorkbenchApp.open(
            stage, SqliteProjectStore::open, SqliteProjectStore::create, settings);
    stage.show();
    w.viewModel().open(p);
    ReferenceImportViewModel vm = new ReferenceImportViewModel(w.viewModel().project());
    vm.setPlan(vm.read(more));
    stage.setOnHidden(e -> settings.clear());
    Platform.runLater(() -> ReferenceImportDialog.review(stage, vm, m -> {}, m -> {}));
  }

  public static final class Run {
    public static void main(String[] args) {
      Application.launch(ImportDialogScreenshot.class, args);
    }
  }
}
