package org.ewb.logic.l10n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key used in the code exists in English and Chinese, and the bundles agree. */
class LocalizationTest {

  private static final Pattern LANG_CALL =
      Pattern.compile("lang\\(\\s*(?:[A-Za-z_.]+,\\s*)?\"([^\"]+)\"");

  @Test
  void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
    for (String bundle : Localization.BUNDLES) {
      Properties en = load(bundle + ".properties");
      Properties zh = load(bundle + "_zh.properties");
      assertEquals(
          new TreeSet<>(en.stringPropertyNames()),
          new TreeSet<>(zh.stringPropertyNames()),
          "keys of " + bundle + " (en vs zh)");
    }
  }

  @Test
  void everyKeyUsedInCodeIsDefinedInBothLanguages() throws IOException {
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher m = LANG_CALL.matcher(Files.readString(f));
        while (m.find()) {
          String key = m.group(1);
          if (key.endsWith(".")) {
            // lang("prefix." + name): at least one key of that family must exist in both languages
            if (!hasPrefix(key)) {
              missing.add(key + "* (" + f.getFileName() + ")");
            }
          } else if (!Localization.has(Locale.ENGLISH, key) || !definedInChinese(key)) {
            missing.add(key + " (" + f.getFileName() + ")");
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "missing message keys: " + missing);
  }

  @Test
  void chineseMessagesAreChinese() {
    Localization.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      assertEquals("文件", Localization.lang("menu.file"));
    } finally {
      Localization.setLocale(Locale.ENGLISH);
    }
    assertEquals("File", Localization.lang("menu.file"));
  }

  private static boolean hasPrefix(String prefix) throws IOException {
    boolean en = false;
    boolean zh = false;
    for (String bundle : Localization.BUNDLES) {
      en |=
          load(bundle + ".properties").stringPropertyNames().stream()
              .anyMatch(k -> k.startsWith(prefix));
      zh |=
          load(bundle + "_zh.properties").stringPropertyNames().stream()
              .anyMatch(k -> k.startsWith(prefix));
    }
    return en && zh;
  }

  private static boolean definedInChinese(String key) throws IOException {
    for (String bundle : Localization.BUNDLES) {
      if (load(bundle + "_zh.properties").containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = LocalizationTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          p.load(r);
        }
      }
    }
    return p;
  }
}
