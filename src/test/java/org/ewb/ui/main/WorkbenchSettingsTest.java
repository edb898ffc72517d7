package org.ewb.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's settings survive a restart through their properties file, whatever they hold. */
class WorkbenchSettingsTest {

  @TempDir Path dir;

  @Test
  void whatIsFlushedIsReadBackByTheNextSession() {
    Path file = dir.resolve("cfg/settings.properties");
    WorkbenchSettings s = WorkbenchSettings.at(file);
    Path odd = dir.resolve(" 研究 a=b:c #1 !x\\y.ewb");
    s.addRecent(dir.resolve("first.ewb"));
    s.addRecent(odd);
    s.setLanguage("zh");
    s.putDouble("width.grid.Mean (SD) / 12 months", 123.5);
    s.putBoolean("window.maximized", true);
    s.flush();
    assertFalse(Files.exists(dir.resolve("cfg").resolve("settings.tmp")));

    WorkbenchSettings again = WorkbenchSettings.at(file);
    assertEquals(
        List.of(odd.toAbsolutePath().normalize(), dir.resolve("first.ewb")), again.recentFiles());
    assertEquals("zh", again.language());
    assertEquals(123.5, again.getDouble("width.grid.Mean (SD) / 12 months", 0), 0);
    assertTrue(again.getBoolean("window.maximized", false));
    assertEquals(7.0, again.getDouble("absent", 7.0), 0);
  }

  @Test
  void anUnreadableFileGivesDefaultsAndIsReplacedOnTheNextFlush() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.write(file, new byte[] {'a', '=', '\\', 'u', '1'}); // a broken \\u escape
    WorkbenchSettings s = WorkbenchSettings.at(file);
    assertNull(s.language());
    assertTrue(s.recentFiles().isEmpty());
    s.setLanguage("en");
    assertEquals("en", WorkbenchSettings.at(file).language());
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("language=en"));
  }

  @Test
  void inMemorySettingsWriteNothing() {
    WorkbenchSettings s = WorkbenchSettings.inMemory();
    s.setLanguage("zh");
    s.addRecent(dir.resolve("x.ewb"));
    assertEquals("zh", s.language());
    try (var files = java.nio.file.Files.list(dir)) {
      assertEquals(0, files.count());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
