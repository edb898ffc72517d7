package org.ewb;

import org.ewb.app.CommandLineFactory;

/**
 * Entry point of the fat jar. It does not extend {@code javafx.application.Application}, so the
 * JavaFX runtime is loaded from the class path; it only dispatches the picocli command line (no
 * arguments opens the window).
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    String[] effective = args.length == 0 ? new String[] {"gui"} : args;
    int code = CommandLineFactory.create(effective).execute(effective);
    if (code != 0 || !isGui(effective)) {
      System.exit(code);
    }
  }

  private static boolean isGui(String[] args) {
    return "gui".equals(args[0]);
  }
}
