package org.ewb.logic.export;

import java.text.Normalizer;
import java.util.Locale;

/** File-name pieces made from names reviewers type (outcome and analysis names). */
public final class FileNames {

  private FileNames() {}

  /**
   * A lower-case slug safe in file names on every system: letters (any script, so Chinese names
   * stay readable) and digits, other runs replaced by one hyphen; "table" if nothing is left.
   */
  public static String slug(String name) {
    String n =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    boolean hyphen = false;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        sb.appendCodePoint(cp);
        hyphen = false;
      } else if (!hyphen && sb.length() > 0) {
        sb.append('-');
        hyphen = true;
      }
    }
    String s = sb.toString().replaceAll("-+$", "");
    if (s.codePointCount(0, s.length()) > 60) {
      s = s.substring(0, s.offsetByCodePoints(0, 60)).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "table" : s;
  }
}
