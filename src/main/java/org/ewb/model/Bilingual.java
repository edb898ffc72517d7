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

  /** Whether the text in {@code lang} is empty while the other language has one. */
  public static boolean missing(String lang, String en, String zh) {
    return "zh".equals(lang) ? zh.isEmpty() && !en.isEmpty() : en.isEmpty() && !zh.isEmpty();
  }
}
