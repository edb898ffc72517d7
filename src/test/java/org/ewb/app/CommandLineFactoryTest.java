package org.ewb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ewb.cli.MainCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lazy command line of ADR 0132: a command builds only what its first argument names. */
class CommandLineFactoryTest {

  @Test
  void versionRegistersNoSubcommand() {
    assertTrue(CommandLineFactory.create("--version").getSubcommands().isEmpty());
    assertTrue(CommandLineFactory.create("-V").getSubcommands().isEmpty());
  }

  @Test
  void namedCommandRegistersOnlyItself() {
    assertEquals(
        List.of("info"),
        new ArrayList<>(CommandLineFactory.create("info", "x.ewb").getSubcommands().keySet()));
    assertEquals(
        List.of("gui"),
        new ArrayList<>(CommandLineFactory.create("gui").getSubcommands().keySet()));
  }

  @Test
  void helpAndUnknownNamesSeeEveryCommand() {
    List<String> all = new ArrayList<>(MainCommand.SUBCOMMANDS);
    all.add("gui");
    assertEquals(
        all, new ArrayList<>(CommandLineFactory.create("--help").getSubcommands().keySet()));
    assertEquals(all, new ArrayList<>(CommandLineFactory.create("infp").getSubcommands().keySet()));
    assertEquals(all, new ArrayList<>(CommandLineFactory.create().getSubcommands().keySet()));
  }

  @Test
  void everyListedNameBuildsTheCommandOfThatName() {
    for (String name : MainCommand.SUBCOMMANDS) {
      Object command = MainCommand.newSubcommand(name);
      assertEquals(name, command.getClass().getAnnotation(Command.class).name(), name);
    }
    assertEquals(null, MainCommand.newSubcommand("no-such-command"));
  }

  @Test
  void unknownCommandExitsWithUsageError() {
    CommandLine cl = CommandLineFactory.create("no-such-command");
    cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    assertEquals(2, cl.execute("no-such-command"));
  }

  @Test
  void versionLoadsNeitherJavaFxNorSqliteNorPoiNorAnyCommand()
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xshare:off",
                "-Xlog:class+load=info",
                "-cp",
                System.getProperty("java.class.path"),
                "org.ewb.Launcher",
                "--version")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Evidence Workbench 0.1.0"), out);
    for (String heavy :
        List.of(
            " javafx.",
            " org.sqlite.",
            " org.apache.poi.",
            " com.fasterxml.",
            " org.slf4j.",
            " org.ewb.cli.InfoCommand",
            " org.ewb.ui.")) {
      assertFalse(out.contains(heavy), "--version loaded" + heavy);
    }
  }
}
