package org.ewb.logic.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Study labels the way reviewers write them: first author's surname and year ("Hu 2013"), and "Hu
 * 2013a", "Hu 2013b" where two studies would share a label (ADR 0112). Chinese names are kept whole
 * ("胡建新 2013"). Labels already in the project are never changed.
 */
public final class StudyLabels {

  private final Set<String> taken;
  private final Map<String, Integer> nextLetter = new HashMap<>();

  /**
   * @param existing labels already in the project (compared case-insensitively)
   */
  public StudyLabels(java.util.Collection<String> existing) {
    this.taken = new java.util.HashSet<>();
    existing.forEach(l -> taken.add(l.toLowerCase(Locale.ROOT)));
  }

  /**
   * The surname of an author as written in a reference: "Hu, Jianxin" / "Hu J" / "Jianxin Hu" /
   * "胡建新" → "Hu" / "Hu" / "Hu" / "胡建新"; a group author is kept whole.
   */
  public static String surname(String author) {
    String a = author == null ? "" : author.strip();
    if (a.isEmpty()) {
      return "";
    }
    if (a.codePoints().anyMatch(StudyLabels::isCjk)) {
      return a.replaceAll("[\\s,，.]+", "");
    }
    int comma = a.indexOf(',');
    if (comma > 0) {
      return a.substring(0, comma).strip();
    }
    String[] parts = SPACES.split(a);
    if (parts.length == 1) {
      return parts[0];
    }
    // "Hu J" / "Hu JX" (MEDLINE): surname first, then initials in capitals
    String last = parts[parts.length - 1];
    if (INITIALS.matcher(last).matches()) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        b.append(i == 0 ? "" : " ").append(parts[i]);
      }
      return b.toString();
    }
    if (parts.length > 3) {
      // a group author ("Diabetes Prevention Program Research Group")
      return a;
    }
    return last;
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern INITIALS =
      java.util.regex.Pattern.compile("\\p{Lu}{1,3}\\.?|(\\p{Lu}\\.)+");

  static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN;
  }

  /**
   * Labels for a batch of new studies (first author, year each): a label shared by two new studies
   * becomes "a", "b", ... in batch order; one that clashes with a label already in the project
   * continues after it ("b", the existing one being read as "a").
   */
  public java.util.List<String> assign(
      java.util.List<String> firstAuthors, java.util.List<Integer> years) {
    Map<String, Integer> count = new HashMap<>();
    java.util.List<String> bases = new java.util.ArrayList<>();
    for (int i = 0; i < firstAuthors.size(); i++) {
      String name = surname(firstAuthors.get(i));
      if (name.isEmpty()) {
        name = "Anonymous";
      }
      String base = years.get(i) == null ? name : name + " " + years.get(i);
      bases.add(base);
      count.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String base : bases) {
      String key = base.toLowerCase(Locale.ROOT);
      if (count.get(key) == 1 && !taken.contains(key)) {
        taken.add(key);
        out.add(base);
        continue;
      }
      int n = nextLetter.getOrDefault(key, taken.contains(key) ? 1 : 0);
      while (taken.contains((base + suffix(n)).toLowerCase(Locale.ROOT))) {
        n++;
      }
      taken.add((base + suffix(n)).toLowerCase(Locale.ROOT));
      nextLetter.put(key, n + 1);
      out.add(base + suffix(n));
    }
    return out;
  }

  /** 1 → "b", 2 → "c", ..., 25 → "z", 26 → "ba"... (0 would be "a"). */
  static String suffix(int n) {
    StringBuilder b = new StringBuilder();
    int x = n;
    do {
      b.insert(0, (char) ('a' + x % 26));
      x = x / 26;
    } while (x > 0);
    return b.toString();
  }

  /** A stable key slug from a label: "Hu 2013b" → "hu2013b". */
  public static String key(String label) {
    String k = DuplicateFinder.normaliseName(label);
    return k.isEmpty() ? "study" : k;
  }
}
