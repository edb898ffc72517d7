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
   * Lines that {@code s} needs when wrapped at {@code width} character widths: a greedy word wrap
   * as spreadsheets do it (break at spaces, or between any two CJK characters; a word longer than a
   * line is broken), plus explicit line breaks.
   */
  public static int lines(String s, int width) {
    if (s.isEmpty()) {
      return 1;
    }
    int w = Math.max(1, width);
    int lines = 0;
    for (String para : s.split("\n", -1)) {
      lines += paragraphLines(para, w);
    }
    return lines;
  }

  private static int paragraphLines(String p, int width) {
    int lines = 1;
    int used = 0;
    int i = 0;
    while (i < p.length()) {
      int cp = p.codePointAt(i);
      // the next unbreakable unit: one CJK character, a run of spaces, or a word
      int start = i;
      int unit;
      if (isWide(cp)) {
        i += Character.charCount(cp);
        unit = 2;
      } else if (cp == ' ') {
        while (i < p.length() && p.charAt(i) == ' ') {
          i++;
        }
        unit = i - start;
        if (used + unit > width) {
          // spaces at a line end take no room on the next line
          unit = 0;
        }
      } else {
        unit = 0;
        while (i < p.length()) {
          int c = p.codePointAt(i);
          if (c == ' ' || isWide(c)) {
            break;
          }
          unit++;
          i += Character.charCount(c);
        }
      }
      if (used + unit <= width) {
        used += unit;
      } else if (unit <= width) {
        lines++;
        used = unit;
      } else {
        // a word wider than the line is broken across lines
        int rest = unit - (width - used);
        lines += (rest + width - 1) / width;
        used = rest % width == 0 ? width : rest % width;
      }
    }
    return lines;
  }

  /** Whether {@code s} holds any CJK or full-width character. */
  public static boolean hasWide(String s) {
    return s.codePoints().anyMatch(TextWidth::isWide);
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
