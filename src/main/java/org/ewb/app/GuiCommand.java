package org.ewb.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ewb.cli.StartupProbe;
import org.ewb.persistence.SqliteProjectStore;
import org.ewb.ui.WorkbenchApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gui [FILE]}: opens the main window, on FILE if given. */
@Command(name = "gui", description = "Open the Evidence Workbench window (on FILE if given).")
public final class GuiCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Project file (*.ewb) to open.")
  Path file;

  @Override
  public Integer call() {
    open(file);
    return 0;
  }

  /**
   * Opens the window (on {@code file} if not null) and blocks until it is closed. The launcher
   * calls this directly for {@code gui [FILE]}, without building the command-line parser (ADR
   * 0132).
   */
  public static void open(Path file) {
    if (StartupProbe.enabled()) {
      WorkbenchApp.launch(
          file, SqliteProjectStore::open, SqliteProjectStore::create, StartupProbe::shownAndExit);
    } else {
      WorkbenchApp.launch(file, SqliteProjectStore::open, SqliteProjectStore::create);
    }
  }
}
