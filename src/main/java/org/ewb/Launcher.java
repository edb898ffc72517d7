package org.ewb;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.ewb.app.CommandLineFactory;
import org.ewb.app.GuiCommand;

/**
 * Entry point of the fat jar. It does not extend {@code javafx.application.Application}, so the
 * JavaFX runtime is loaded from the class path; it only dispatches the picocli command line (no
 * arguments opens the window).
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    String[] effective = args.length == 0 ? new String[] {"gui"} : args;
    Path file = plainGuiFile(effective);
    if (file != null) {
      GuiCommand.open(file.toString().isEmpty() ? null : file);
      return;
    }
    int code = CommandLineFactory.create(effective).execute(effective);
    if (code != 0 || !isGui(effective)) {
      System.exit(code);
    }
  }

  /**
   * For {@code gui} or {@code gui FILE} (no option), the file (the empty path for none): the window
   * is opened without building the command-line parser, which takes a tenth of a second (ADR 0132).
   * Null for every other command line, which picocli parses.
   */
  static Path plainGuiFile(String[] args) {
    if (!isGui(args) || args.length > 2) {
      return null;
    }
    if (args.length == 1) {
      return Path.of("");
    }
    if (args[1].startsWith("-") || args[1].isEmpty()) {
      return null;
    }
    try {
      return Path.of(args[1]);
    } catch (InvalidPathException e) {
      return null; // picocli gives the usual message
    }
  }

  private static boolean isGui(String[] args) {
    return "gui".equals(args[0]);
  }
}
