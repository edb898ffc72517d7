package org.ewb.cli;

import picocli.CommandLine.Command;

/** {@code import references|data|rm5}: brings studies and data into a project. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import into a project: reference files (RIS, PubMed nbib, BibTeX, EndNote XML, CSV) with"
          + " duplicate detection, outcome data in long format (CSV, xlsx), RevMan 5 reviews.",
      "Every import is one transaction: a file that fails half-way adds nothing."
    },
    subcommands = {ImportReferencesCommand.class, ImportDataCommand.class, ImportRm5Command.class})
public final class ImportCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
