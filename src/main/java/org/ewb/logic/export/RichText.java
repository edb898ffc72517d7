package org.ewb.logic.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Superscripts and subscripts in cell text. Text is stored as a reviewer reads it: Unicode
 * superscript and subscript characters ({@code 10⁶}, {@code kg/m²}, footnote marks {@code ᵃ}) or,
 * for what Unicode lacks, the markup {@code ^{...}} and {@code _{...}} ({@code HbA_{1c}}). The
 * writers turn them into real superscript runs (xlsx rich-text runs, Word vertical alignment), so a
 * table prints "10" with a raised "6" in the document's own font instead of a fallback glyph.
 */
public final class RichText {

  /** How a run sits on the line. */
  public enum Position {
    NORMAL,
    SUPER,
    SUB
  }

  /** A piece of text printed in one position. */
  public record Run(String text, Position position) {}

  private static final String SUPER_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ";
  private static final String SUPER_PLAIN = "0123456789+-=()niabcdefghjklmoprstuvwxyz";
  private static final String SUB_CHARS = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ";
  private static final String SUB_PLAIN = "0123456789+-=()aeoxhklmnpst";

  private RichText() {}

  /** Whether {@code s} has anything that is not printed on the base line. */
  public static boolean hasScripts(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      // every script character is at or above U+00B2 (²): plain ASCII text is decided at once
      if (ch >= '\u00B2' && (SUPER_CHARS.indexOf(ch) >= 0 || SUB_CHARS.indexOf(ch) >= 0)) {
        return true;
      }
      if ((ch == '^' || ch == '_') && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        return true;
      }
    }
    return false;
  }

  /** The runs of {@code s}; one NORMAL run when it has no scripts. */
  public static List<Run> runs(String s) {
    List<Run> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    Position pos = Position.NORMAL;
    int i = 0;
    while (i < s.length()) {
      char ch = s.charAt(i);
      Position p;
      String plain;
      int next = i + 1;
      int sup = SUPER_CHARS.indexOf(ch);
      int sub = SUB_CHARS.indexOf(ch);
      if (sup >= 0) {
        p = Position.SUPER;
        plain = String.valueOf(SUPER_PLAIN.charAt(sup));
      } else if (sub >= 0) {
        p = Position.SUB;
        plain = String.valueOf(SUB_PLAIN.charAt(sub));
      } else if ((ch == '^' || ch == '_')
          && i + 1 < s.length()
          && s.charAt(i + 1) == '{'
          && s.indexOf('}', i + 2) > i + 1) {
        int close = s.indexOf('}', i + 2);
        p = ch == '^' ? Position.SUPER : Position.SUB;
        plain = s.substring(i + 2, close);
        next = close + 1;
      } else {
        p = Position.NORMAL;
        plain = String.valueOf(ch);
      }
      if (p != pos && cur.length() > 0) {
        out.add(new Run(cur.toString(), pos));
        cur.setLength(0);
      }
      pos = p;
      cur.append(plain);
      i = next;
    }
    if (cur.length() > 0 || out.isEmpty()) {
      out.add(new Run(cur.toString(), pos));
    }
    return out;
  }

  /**
   * {@code s} with markup replaced by Unicode scripts where every character has one (CSV and other
   * plain-text outputs); markup that Unicode cannot express is kept as typed.
   */
  public static String plain(String s) {
    if (!s.contains("^{") && !s.contains("_{")) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (Run r : runs(s)) {
      b.append(
          switch (r.position()) {
            case NORMAL -> r.text();
            case SUPER -> convert(r.text(), SUPER_PLAIN, SUPER_CHARS, "^");
            case SUB -> convert(r.text(), SUB_PLAIN, SUB_CHARS, "_");
          });
    }
    return b.toString();
  }

  private static String convert(String t, String from, String to, String mark) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      int k = from.indexOf(t.charAt(i));
      if (k < 0) {
        return mark + "{" + t + "}";
      }
      b.append(to.charAt(k));
    }
    return b.toString();
  }

  /** The footnote mark for the {@code index}-th note (0 = a, 1 = b, ..., 25 = z, 26 = aa). */
  public static String mark(int index) {
    StringBuilder b = new StringBuilder();
    int n = index;
    do {
      b.insert(0, (char) ('a' + n % 26));
      n = n / 26 - 1;
    } while (n >= 0);
    return b.toString();
  }

  /** {@link #mark} as superscript text ("ᵃ"); letters without a Unicode superscript use markup. */
  public static String superMark(int index) {
    return plain("^{" + mark(index) + "}");
  }
}
