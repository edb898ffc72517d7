package org.ewb.app;

import org.ewb.cli.ExitCodes;
import org.ewb.cli.MainCommand;
import picocli.CommandLine;

/**
 * Composition root of the command line: the {@code cli} commands plus {@code gui}, which needs the
 * UI and so cannot live in {@code cli}.
 */
public final class CommandLineFactory {

  private CommandLineFactory() {}

  public static CommandLine create() {
    CommandLine cl = new CommandLine(new MainCommand());
    cl.addSubcommand("gui", new GuiCommand());
    ExitCodes.install(cl);
    return cl;
  }
}
