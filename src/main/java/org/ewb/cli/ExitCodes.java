package org.ewb.cli;

import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;
import org.slf4j.LoggerFactory;
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

  /**
   * Makes picocli print messages (not stack traces) and map failures to exit codes the same way in
   * every command: data that cannot be used as asked exits 1, usage and file errors exit 2.
   */
  public static void install(CommandLine cl) {
    cl.setExitCodeExceptionMapper(ExitCodes::code);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          // the logger is looked up here, not in a static field, so --version does not start SLF4J
          LoggerFactory.getLogger(ExitCodes.class).debug("command failed", ex);
          cmd.getErr().println(message(ex));
          cmd.getErr().flush();
          return code(ex);
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

  /** The exit code for an exception that ended a command. */
  public static int code(Throwable ex) {
    return ex instanceof WorkbenchException w && w.kind() == WorkbenchException.Kind.DATA
        ? DATA_PROBLEMS
        : ERROR;
  }

  /**
   * The one line printed for an exception. A {@link WorkbenchException} carries a message written
   * for the reviewer; anything else is a defect, reported without Java class names (those say
   * nothing to a reviewer) and with the advice to report it.
   */
  static String message(Throwable ex) {
    if (ex instanceof WorkbenchException) {
      return "error: " + ex.getMessage();
    }
    if (ex instanceof OutOfMemoryError) {
      return "error: " + Localization.lang("cli.outOfMemory");
    }
    return "error: " + Localization.lang("cli.unexpected", withoutClassNames(ex.getMessage()));
  }

  /** {@code text} with names like {@code java.lang.IllegalStateException:} taken out. */
  static String withoutClassNames(String text) {
    return Localization.plain(text);
  }
}
