package org.ewb.logic.l10n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user-visible string goes through {@link #lang}. Messages live in one resource bundle per
 * feature under {@code resources/i18n/} ({@code <feature>.properties} English, {@code
 * <feature>_zh.properties} Simplified Chinese); a key is looked up in each bundle in turn. A test
 * fails on any key used in code that a bundle lacks.
 */
public final class Localization {

  /** The feature bundles, in lookup order. Add a feature's bundle here. */
  public static final List<String> BUNDLES =
      List.of(
          "i18n/app",
          "i18n/extraction",
          "i18n/analysis",
          "i18n/figure",
          "i18n/export",
          "i18n/reliability",
          "i18n/followup",
          "i18n/importing");

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private static volatile Locale locale = defaultLocale();

  private Localization() {}

  /** English unless the system language is Chinese. */
  public static Locale defaultLocale() {
    return "zh".equals(Locale.getDefault().getLanguage()) ? CHINESE : Locale.ENGLISH;
  }

  public static Locale locale() {
    return locale;
  }

  public static void setLocale(Locale newLocale) {
    locale = "zh".equals(newLocale.getLanguage()) ? CHINESE : Locale.ENGLISH;
  }

  /** "zh" or "en". */
  public static String language() {
    return locale.getLanguage();
  }

  public static Locale forLanguage(String lang) {
    return "zh".equalsIgnoreCase(lang) ? CHINESE : Locale.ENGLISH;
  }

  /** The message for {@code key} in the current locale, with {@link MessageFormat} arguments. */
  public static String lang(String key, Object... args) {
    return lang(locale, key, args);
  }

  /** The message for {@code key} in {@code loc}; a missing key returns the key itself. */
  public static String lang(Locale loc, String key, Object... args) {
    String pattern = messages(loc).get(key);
    if (pattern == null) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, loc).format(args);
  }

  /** Whether any bundle defines the key (for the missing-key test). */
  public static boolean has(Locale loc, String key) {
    return messages(loc).containsKey(key);
  }

  /**
   * Every message of a language, looked up once: per key, the first bundle of {@link #BUNDLES} that
   * has it (a bundle's Chinese text, else its English one). Looking through eight bundles on every
   * call cost the window's first frame a twentieth of a second (ADR 0132).
   */
  private static Map<String, String> messages(Locale loc) {
    Locale target = "zh".equals(loc.getLanguage()) ? new Locale("zh") : Locale.ROOT;
    return MESSAGES.computeIfAbsent(
        target,
        t -> {
          Map<String, String> all = new HashMap<>();
          for (ResourceBundle bundle : bundles(t)) {
            for (String key : bundle.keySet()) {
              all.putIfAbsent(key, bundle.getString(key));
            }
          }
          return Map.copyOf(all);
        });
  }

  private static final Map<Locale, Map<String, String>> MESSAGES = new ConcurrentHashMap<>();

  private static List<ResourceBundle> bundles(Locale target) {
    List<ResourceBundle> result = new ArrayList<>();
    for (String name : BUNDLES) {
      try {
        result.add(ResourceBundle.getBundle(name, target, NO_FALLBACK));
      } catch (MissingResourceException e) {
        // a feature without a bundle yet: nothing to look up there
      }
    }
    return result;
  }

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile(
          "\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");

  /**
   * {@code text} (a library's message) without Java class names such as {@code
   * java.io.IOException:}, which say nothing to a reviewer; "-" when nothing is left.
   */
  public static String plain(String text) {
    if (text == null || text.isBlank()) {
      return "-";
    }
    String s = CLASS_NAME.matcher(text).replaceAll("").strip();
    return s.isEmpty() ? "-" : s;
  }

  /**
   * A message of the current language as a pattern whose {n} arguments match anything, to recognise
   * the engine's notes of one kind (e.g. "Study 'X': arms A + B combined") among others.
   */
  public static java.util.regex.Pattern pattern(String key, int args) {
    Object[] marks = new Object[args];
    java.util.Arrays.fill(marks, "\u0001");
    StringBuilder re = new StringBuilder();
    for (String part : lang(key, marks).split("\u0001", -1)) {
      if (re.length() > 0) {
        re.append(".*");
      }
      re.append(java.util.regex.Pattern.quote(part));
    }
    return java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.DOTALL);
  }
}
