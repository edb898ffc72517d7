package org.ewb.ui.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window remembers between sessions (recent files, language, window geometry, divider
 * positions), kept in {@link Preferences}. Tests pass their own node so they never touch the
 * reviewer's settings.
 */
public final class WorkbenchSettings {

  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchSettings.class);
  private static final int MAX_RECENT = 8;
  private final Preferences node;

  public WorkbenchSettings(Preferences node) {
    this.node = node;
  }

  /** The reviewer's own settings. */
  public static WorkbenchSettings user() {
    return new WorkbenchSettings(Preferences.userRoot().node("org/ewb/workbench"));
  }

  public List<Path> recentFiles() {
    List<Path> result = new ArrayList<>();
    for (int i = 0; i < MAX_RECENT; i++) {
      String p = node.get("recent." + i, null);
      if (p != null) {
        result.add(Path.of(p));
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
        node.put("recent." + i, list.get(i).toString());
      } else {
        node.remove("recent." + i);
      }
    }
    flush();
  }

  /** "en", "zh", or null if never chosen. */
  public String language() {
    return node.get("language", null);
  }

  public void setLanguage(String lang) {
    node.put("language", lang);
    flush();
  }

  public double getDouble(String key, double fallback) {
    return node.getDouble(key, fallback);
  }

  public void putDouble(String key, double value) {
    node.putDouble(key, value);
  }

  public boolean getBoolean(String key, boolean fallback) {
    return node.getBoolean(key, fallback);
  }

  public void putBoolean(String key, boolean value) {
    node.putBoolean(key, value);
  }

  public void flush() {
    try {
      node.flush();
    } catch (BackingStoreException e) {
      // settings are a convenience: losing them must not stop the reviewer's work
      LOG.warn("Could not store window settings: {}", e.getMessage());
    }
  }

  /** Removes every setting (tests). */
  public void clear() {
    try {
      node.removeNode();
    } catch (BackingStoreException e) {
      LOG.warn("Could not clear settings: {}", e.getMessage());
    }
  }
}
