package org.ewb.ui.main;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window remembers between sessions (recent files, language, window geometry, divider
 * positions, column widths), kept in a small UTF-8 properties file: {@code
 * $XDG_CONFIG_HOME/evidence-workbench/settings.properties} ({@code ~/.config/…}; Windows {@code
 * %APPDATA%\evidence-workbench\settings.properties}). Java's {@link Preferences}, used before,
 * store XML and cost the window's start a twentieth of a second to parse it (ADR 0132); settings
 * found there are moved into the file once. Tests use {@link #inMemory()} so they never touch the
 * reviewer's settings. Settings are a convenience: a file that cannot be read or written is logged
 * and the window carries on.
 */
public final class WorkbenchSettings {

  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchSettings.class);
  private static final int MAX_RECENT = 8;
  private static final String PREFERENCES_NODE = "org/ewb/workbench";

  /** Where the settings are written; null in memory. */
  private final Path file;

  private final Map<String, String> values = new TreeMap<>();

  private WorkbenchSettings(Path file) {
    this.file = file;
  }

  /** Settings kept in {@code file} (read now if it exists). */
  public static WorkbenchSettings at(Path file) {
    WorkbenchSettings s = new WorkbenchSettings(file);
    s.load();
    return s;
  }

  /** Settings that are never written (tests). */
  public static WorkbenchSettings inMemory() {
    return new WorkbenchSettings(null);
  }

  /**
   * The reviewer's own settings ({@code ewb.configDir} overrides the folder). The first time, the
   * settings an earlier version kept in Java's Preferences are copied into the file.
   */
  public static WorkbenchSettings user() {
    Path file = folder().resolve("settings.properties");
    boolean first = !Files.exists(file);
    WorkbenchSettings s = at(file);
    if (first) {
      s.importPreferences();
      s.flush();
    }
    return s;
  }

  private static Path folder() {
    String set = System.getProperty("ewb.configDir");
    if (set != null && !set.isBlank()) {
      return Path.of(set);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    String appData = System.getenv("APPDATA");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : appData != null && !appData.isBlank()
                ? Path.of(appData)
                : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("evidence-workbench");
  }

  private void importPreferences() {
    try {
      if (!Preferences.userRoot().nodeExists(PREFERENCES_NODE)) {
        return;
      }
      Preferences node = Preferences.userRoot().node(PREFERENCES_NODE);
      for (String key : node.keys()) {
        String v = node.get(key, null);
        if (v != null) {
          values.put(key, v);
        }
      }
    } catch (BackingStoreException | IllegalStateException | SecurityException e) {
      LOG.info("Earlier window settings not read: {}", e.getMessage());
    }
  }

  private void load() {
    if (file == null || !Files.isRegularFile(file)) {
      return;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Window settings not read from {}: {}", file, e.getMessage());
      return;
    }
    for (String key : p.stringPropertyNames()) {
      values.put(key, p.getProperty(key));
    }
  }

  public List<Path> recentFiles() {
    List<Path> result = new ArrayList<>();
    for (int i = 0; i < MAX_RECENT; i++) {
      String p = values.get("recent." + i);
      if (p != null) {
        try {
          result.add(Path.of(p));
        } catch (java.nio.file.InvalidPathException e) {
          // a path another system wrote: not offered
        }
      }
    }
    return result;
  }

  /** Moves {@code file} to the top of the recent files. */
  public void addRecent(Path file) {
    List<Path> list = new ArrayList<>(recentFiles());
    Path abs = file.toAbsolutePath().normalize();
    list.remove(abs);
    list.add(0, abs);
    for (int i = 0; i < MAX_RECENT; i++) {
      if (i < list.size()) {
        values.put("recent." + i, list.get(i).toString());
      } else {
        values.remove("recent." + i);
      }
    }
    flush();
  }

  /** "en", "zh", or null if never chosen. */
  public String language() {
    return values.get("language");
  }

  public void setLanguage(String lang) {
    values.put("language", lang);
    flush();
  }

  public double getDouble(String key, double fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  public void putDouble(String key, double value) {
    values.put(key, Double.toString(value));
  }

  public boolean getBoolean(String key, boolean fallback) {
    String v = values.get(key);
    return v == null ? fallback : Boolean.parseBoolean(v);
  }

  public void putBoolean(String key, boolean value) {
    values.put(key, Boolean.toString(value));
  }

  /** Writes the settings (atomically: a crash leaves the old file or the new one). */
  public void flush() {
    if (file == null) {
      return;
    }
    StringBuilder sb = new StringBuilder("# Evidence Workbench window settings\n");
    for (Map.Entry<String, String> e : values.entrySet()) {
      sb.append(escape(e.getKey(), true)).append('=').append(escape(e.getValue(), false));
      sb.append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // settings are a convenience: losing them must not stop the reviewer's work
      LOG.warn("Could not store window settings in {}: {}", file, e.getMessage());
    }
  }

  /** A key or value as {@link Properties#load(Reader)} reads it back. */
  static String escape(String s, boolean key) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\f' -> sb.append("\\f");
        case '=', ':', '#', '!' -> sb.append('\\').append(c);
        case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Removes every setting (tests). */
  public void clear() {
    values.clear();
    flush();
  }
}
