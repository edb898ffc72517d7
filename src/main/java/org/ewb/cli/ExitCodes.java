package org.ewb.cli;

import org.ewb.model.WorkbenchException;
import picocli.CommandLine;

/**
 * Exit codes of every command: 0 fine, 1 data problems found, 2 usage or file errors. Errors are
 * printed as one message, never as a stack trace.
 */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int DATA_PROBLEMS = 1;
  public static final int ERROR = 2;

  private ExitCodes() {}

  /** Makes picocli print messages (not stack traces) and map failures to exit code 2. */
  public static void install(CommandLine cl) {
    cl.setExitCodeExceptionMapper(e -> ERROR);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println(message(ex));
          cmd.getErr().flush();
          return ERROR;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println(ex.getMessage());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          cmd.getErr().flush();
          return ERROR;
        });
  }

  static String message(Throwable ex) {
    if (ex instanceof WorkbenchException) {
      return "error: " + ex.getMessage();
    }
    String m = ex.getMessage();
    return "error: " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
