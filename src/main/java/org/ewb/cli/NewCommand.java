package org.ewb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ewb.logic.l10n.Localization;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code new FILE --title TEXT}: creates an empty project file; never overwrites one. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = "Create a new, empty project file (refuses to overwrite an existing file).")
public final class NewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The project file to create (*.ewb).")
  Path file;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "Title of the review (default: the file name).")
  String title;

  @Override
  public Integer call() {
    String t = title != null ? title : defaultTitle(file);
    try (SqliteProjectStore store = SqliteProjectStore.create(file, t)) {
      spec.commandLine().getOut().println(Localization.lang("cli.new.created", store.file(), t));
    }
    return ExitCodes.OK;
  }

  private static String defaultTitle(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
