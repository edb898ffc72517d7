package org.ewb.logic.export;

/**
 * Display width of text in "character widths" as spreadsheet column widths count them: a CJK or
 * full-width character takes about two Latin characters.
 */
public final class TextWidth {

  private TextWidth() {}

  /** Width of the widest line of {@code s}. */
  public static int of(String s) {
    int max = 0;
    int cur = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        max = Math.max(max, cur);
        cur = 0;
      } else {
        cur += isWide(cp) ? 2 : 1;
      }
    }
    return Math.max(max, cur);
  }

  /** Width of the longest unbreakable piece of {@code s} (a Latin word; one CJK character). */
  public static int longestWord(String s) {
    int max = 0;
    int cur = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        cur = 0;
      } else if (isWide(cp)) {
        // a line may break before or after any CJK character
        max = Math.max(max, Math.max(cur, 2));
        cur = 0;
      } else {
        cur++;
        max = Math.max(max, cur);
      }
    }
    return max;
  }

  /**
   * Lines that {@code s} needs when wrapped at {@code width} characters (an estimate: word breaks
   * are approximated by the total width, plus explicit line breaks).
   */
  public static int lines(String s, int width) {
    if (s.isEmpty()) {
      return 1;
    }
    int lines = 0;
    for (String part : s.split("\n", -1)) {
      int w = of(part);
      // word wrapping wastes part of each line; 0.85 fill is a fair average for prose
      lines += Math.max(1, (int) Math.ceil(w / (width * 0.85)));
    }
    return lines;
  }

  public static boolean isWide(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    if (script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL) {
      return true;
    }
    // CJK symbols and punctuation, full-width forms
    return (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6);
  }
}
