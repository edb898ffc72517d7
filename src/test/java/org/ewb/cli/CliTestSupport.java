package org.ewb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process with captured output. */
final class CliTestSupport {

  record Run(int exitCode, String out, String err) {}

  private CliTestSupport() {}

  static Run run(String... args) {
    CommandLine cl = MainCommand.commandLine();
    ExitCodes.install(cl);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
