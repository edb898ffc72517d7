package org.ewb.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command. Its subcommands are not listed in the annotation but built by {@link
 * #newSubcommand} only when asked for, so that {@code --version} or one command does not load the
 * classes (and reflect over the options) of every other command (ADR 0132). A feature adds its
 * command with one name in {@link #SUBCOMMANDS} and one case in {@link #newSubcommand}.
 */
@Command(
    name = "evidence-workbench",
    mixinStandardHelpOptions = true,
    version = "Evidence Workbench 0.1.0",
    description = "Evidence Workbench: extraction, meta-analysis, figures and manuscript tables.")
public final class MainCommand implements Runnable {

  /** The names of the {@code cli} subcommands, in the order of the usage help. */
  public static final List<String> SUBCOMMANDS =
      List.of(
          "new",
          "info",
          "validate",
          "analyze",
          "plot",
          "export",
          "import",
          "build-samples",
          "bench-synthetic");

  @Spec CommandSpec spec;

  /**
   * A new instance of the subcommand called {@code name}, or null if there is none. A switch (not a
   * map of constructor references) so that no command class is loaded before it is needed.
   */
  public static Object newSubcommand(String name) {
    switch (name) {
      case "new":
        return new NewCommand();
      case "info":
        return new InfoCommand();
      case "validate":
        return new ValidateCommand();
      case "analyze":
        return new AnalyzeCommand();
      case "plot":
        return new PlotCommand();
      case "export":
        return new ExportCommand();
      case "import":
        return new ImportCommand();
      case "build-samples":
        return new BuildSamplesCommand();
      case "bench-synthetic":
        return new BenchSyntheticCommand();
      default:
        return null;
    }
  }

  /** The root command with every {@code cli} subcommand (tests and the usage help). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MainCommand());
    for (String name : SUBCOMMANDS) {
      cl.addSubcommand(name, newSubcommand(name));
    }
    return cl;
  }

  @Override
  public void run() {
    // no subcommand given: print usage
    spec.commandLine().usage(System.out);
  }
}
