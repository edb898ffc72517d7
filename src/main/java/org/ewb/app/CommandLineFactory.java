package org.ewb.app;

import org.ewb.cli.ExitCodes;
import org.ewb.cli.MainCommand;
import picocli.CommandLine;

/**
 * Composition root of the command line: the {@code cli} commands plus {@code gui}, which needs the
 * UI and so cannot live in {@code cli}. Subcommands are registered lazily (ADR 0132): only the one
 * named by the first argument, none for {@code --version}, all of them otherwise (usage help,
 * mistyped names).
 */
public final class CommandLineFactory {

  static final String GUI = "gui";

  private CommandLineFactory() {}

  /** The command line with every subcommand. */
  public static CommandLine create() {
    CommandLine cl = new CommandLine(new MainCommand());
    addAll(cl);
    ExitCodes.install(cl);
    return cl;
  }

  /** The command line with just what {@code args} needs. */
  public static CommandLine create(String... args) {
    CommandLine cl = new CommandLine(new MainCommand());
    String first = args.length == 0 ? "" : args[0];
    if (GUI.equals(first)) {
      cl.addSubcommand(GUI, new GuiCommand());
    } else if (MainCommand.SUBCOMMANDS.contains(first)) {
      cl.addSubcommand(first, MainCommand.newSubcommand(first));
    } else if (!isVersion(first) || args.length > 1) {
      addAll(cl);
    }
    ExitCodes.install(cl);
    return cl;
  }

  private static boolean isVersion(String arg) {
    return "--version".equals(arg) || "-V".equals(arg);
  }

  private static void addAll(CommandLine cl) {
    for (String name : MainCommand.SUBCOMMANDS) {
      cl.addSubcommand(name, MainCommand.newSubcommand(name));
    }
    cl.addSubcommand(GUI, new GuiCommand());
  }
}
