package org.ewb.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/**
 * Checks an input file named on the command line before it is read, with the same messages as
 * project files: missing, a folder, not a regular file (a named pipe would block the command for
 * ever), or not readable.
 */
final class InputFiles {

  private InputFiles() {}

  static void requireReadable(Path file) {
    String name = file.toAbsolutePath().normalize().toString();
    if (Files.isDirectory(file)) {
      throw fail("persist.notAFile.input", name);
    }
    if (!Files.exists(file)) {
      throw fail("persist.notFound", name);
    }
    if (!Files.isRegularFile(file)) {
      throw fail("persist.notRegular", name);
    }
    if (!Files.isReadable(file)) {
      throw fail("persist.noPermission", name);
    }
  }

  /** A UTF-8 reader that reports malformed bytes instead of replacing them silently. */
  static Reader utf8Reader(Path file) throws IOException {
    return new java.io.BufferedReader(
        new InputStreamReader(
            Files.newInputStream(file),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  private static WorkbenchException fail(String key, String name) {
    return new WorkbenchException(WorkbenchException.Kind.FILE, Localization.lang(key, name));
  }
}
