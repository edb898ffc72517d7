package org.ewb.cli;

import picocli.CommandLine.Command;

/**
 * The root command. Each feature adds its subcommand class to {@code subcommands} (one line each).
 */
@Command(
    name = "evidence-workbench",
    mixinStandardHelpOptions = true,
    version = "Evidence Workbench 0.1.0",
    description = "Evidence Workbench: extraction, meta-analysis, figures and manuscript tables.",
    subcommands = {
      NewCommand.class,
      InfoCommand.class,
      ValidateCommand.class,
      AnalyzeCommand.class,
      PlotCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      BuildSamplesCommand.class,
      BenchSyntheticCommand.class,
    })
public final class MainCommand implements Runnable {

  @Override
  public void run() {
    // no subcommand given: print usage
    new picocli.CommandLine(this).usage(System.out);
  }
}
