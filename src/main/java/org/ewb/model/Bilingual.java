package org.ewb.model;

/** Choosing between an English and a Chinese text: the one asked for, else the other. */
public final class Bilingual {

  private Bilingual() {}

  /**
   * {@code zh} when {@code lang} is "zh" and it is not empty, {@code en} otherwise, falling back.
   */
  public static String pick(String lang, String en, String zh) {
    if ("zh".equals(lang)) {
      return zh.isEmpty() ? en : zh;
    }
    return en.isEmpty() ? zh : en;
  }

  /**
   * Whether the text in {@code lang} is empty while the other language has one that needs
   * translating: a text without letters ("42", "24–44", "&gt;12") reads the same in both languages
   * and is not reported missing.
   */
  public static boolean missing(String lang, String en, String zh) {
    String mine = "zh".equals(lang) ? zh : en;
    String other = "zh".equals(lang) ? en : zh;
    return mine.isEmpty() && hasLetters(other);
  }

  /** The other language of the two: "en" for "zh", "zh" for anything else. */
  public static String other(String lang) {
    return "zh".equals(lang) ? "en" : "zh";
  }

  /** Whether {@code text} has a letter of any script (Latin, Han, Greek, …). */
  public static boolean hasLetters(String text) {
    return text.codePoints().anyMatch(Character::isLetter);
  }
}
