package org.ewb.logic.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds records that describe the same publication (ADR 0111). Two rules, in order:
 *
 * <ol>
 *   <li><b>Identifiers</b>: the same DOI, PMID or trial registration number → certain.
 *   <li><b>Title, year, first author</b>: titles normalised (Unicode NFKD, accents and punctuation
 *       removed, lower case, white space collapsed) compared by normalised Levenshtein similarity
 *       {@code 1 − d / max(|a|, |b|)} (Apache Commons Text). Certain at ≥ {@value #CERTAIN} with
 *       the same year and first-author surname; possible at ≥ {@value #POSSIBLE} with years at most
 *       one apart (online-first vs print) or missing. Different DOIs or PMIDs make a title match at
 *       most possible.
 * </ol>
 *
 * Only pairs sharing a block (first-author surname + year or year − 1, or the first {@value
 * #PREFIX} characters of the title) are compared, so 50,000 records take well under a second.
 */
public final class DuplicateFinder {

  public static final double CERTAIN = 0.97;
  public static final double POSSIBLE = 0.90;
  static final int PREFIX = 24;

  /** Why two records were taken for the same. */
  public enum Reason {
    DOI,
    PMID,
    REGISTRATION,
    TITLE
  }

  /** What the finder compares: a record or an existing study, by index. */
  public record Entry(
      String doi,
      String pmid,
      List<String> registrations,
      String title,
      Integer year,
      String firstAuthor) {}

  /** A pair of entries (indices, {@code a < b}) found to be the same. */
  public record Pair(int a, int b, Reason reason, double score, boolean certain) {}

  private DuplicateFinder() {}

  /**
   * Every duplicate pair among the entries. Pairs with both indices below {@code firstExisting} are
   * within the file; pairs with both at or above it (two existing studies) are not reported.
   */
  public static List<Pair> find(List<Entry> entries, int firstExisting) {
    int n = entries.size();
    List<Pair> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    // 1. identifiers
    Map<String, List<Integer>> byId = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      if (!e.doi().isEmpty()) {
        byId.computeIfAbsent("doi:" + e.doi(), k -> new ArrayList<>()).add(i);
      }
      if (!e.pmid().isEmpty()) {
        byId.computeIfAbsent("pmid:" + e.pmid(), k -> new ArrayList<>()).add(i);
      }
      for (String r : e.registrations()) {
        byId.computeIfAbsent("reg:" + r, k -> new ArrayList<>()).add(i);
      }
    }
    for (Map.Entry<String, List<Integer>> g : byId.entrySet()) {
      List<Integer> ix = g.getValue();
      if (ix.size() < 2) {
        continue;
      }
      Reason reason =
          g.getKey().startsWith("doi:")
              ? Reason.DOI
              : g.getKey().startsWith("pmid:") ? Reason.PMID : Reason.REGISTRATION;
      // a chain to the first is enough: the merge joins the whole group
      for (int k = 1; k < ix.size(); k++) {
        add(out, seen, ix.get(0), ix.get(k), reason, 1.0, true, firstExisting);
      }
    }
    // 2. title + year + first author, within blocks
    Fuzzy f = new Fuzzy(entries, out, seen, firstExisting);
    Map<String, List<Integer>> byAuthorYear = new HashMap<>();
    Map<String, List<Integer>> byPrefix = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String t = f.titles[i];
      if (t.length() < 10) {
        continue; // too short to compare safely
      }
      Integer y = entries.get(i).year();
      if (!f.authors[i].isEmpty() && y != null) {
        byAuthorYear.computeIfAbsent(f.authors[i] + ":" + y, k -> new ArrayList<>()).add(i);
      }
      byPrefix
          .computeIfAbsent(t.substring(0, Math.min(PREFIX, t.length())), k -> new ArrayList<>())
          .add(i);
    }
    for (Map.Entry<String, List<Integer>> blk : byAuthorYear.entrySet()) {
      List<Integer> block = blk.getValue();
      for (int x = 0; x < block.size(); x++) {
        for (int y = x + 1; y < block.size(); y++) {
          f.compare(block.get(x), block.get(y));
        }
      }
      // years one apart (online first vs print): this block against the previous year's
      String k = blk.getKey();
      int colon = k.lastIndexOf(':');
      List<Integer> before =
          byAuthorYear.get(
              k.substring(0, colon + 1) + (Integer.parseInt(k.substring(colon + 1)) - 1));
      if (before != null) {
        for (int i : block) {
          for (int j : before) {
            f.compare(i, j);
          }
        }
      }
    }
    for (List<Integer> block : byPrefix.values()) {
      for (int x = 0; x < block.size(); x++) {
        for (int y = x + 1; y < block.size(); y++) {
          int i = block.get(x);
          int j = block.get(y);
          if (!f.inAuthorBlocks(i, j)) {
            f.compare(i, j);
          }
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
    return out;
  }

  private static void add(
      List<Pair> out,
      Set<Long> seen,
      int i,
      int j,
      Reason reason,
      double score,
      boolean certain,
      int firstExisting) {
    int a = Math.min(i, j);
    int b = Math.max(i, j);
    if (a >= firstExisting || !seen.add(key(a, b))) {
      return;
    }
    out.add(new Pair(a, b, reason, score, certain));
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  /** Normalised Levenshtein similarity, 1 − distance / longer length (1 = identical). */
  public static double similarity(String a, String b) {
    return similarity(new LevenshteinDistance(), normaliseTitle(a), normaliseTitle(b));
  }

  private static double similarity(LevenshteinDistance lev, String a, String b) {
    int max = Math.max(a.length(), b.length());
    if (max == 0) {
      return 0;
    }
    return 1.0 - (double) lev.apply(a, b) / max;
  }

  /** As above, giving up (0) once the distance exceeds {@code limit}. */
  private static double similarity(String a, String b, int limit) {
    int d = new LevenshteinDistance(limit).apply(a, b);
    return d < 0 ? 0 : 1.0 - (double) d / Math.max(a.length(), b.length());
  }

  /** Lower case, accents and punctuation removed, white space collapsed; CJK kept. */
  public static String normaliseTitle(String t) {
    if (t == null || t.isEmpty()) {
      return "";
    }
    String s = t;
    if (!isAscii(s)) {
      s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
    }
    if (s.indexOf('<') >= 0) {
      s = TAGS.matcher(s).replaceAll(" ");
    }
    return lettersAndDigits(s, ' ');
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern TAGS =
      java.util.regex.Pattern.compile("<[^>]{1,10}>");

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /**
   * Letters and digits in lower case; every run of other characters becomes one {@code sep} (or
   * nothing if {@code sep} is 0), none at either end.
   */
  static String lettersAndDigits(String s, char sep) {
    StringBuilder b = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (gap && b.length() > 0 && sep != 0) {
          b.append(sep);
        }
        gap = false;
        b.appendCodePoint(Character.toLowerCase(cp));
      } else {
        gap = true;
      }
    }
    return b.toString();
  }

  static String normaliseName(String n) {
    String s =
        isAscii(n)
            ? n
            : MARKS.matcher(Normalizer.normalize(n, Normalizer.Form.NFKD)).replaceAll("");
    return lettersAndDigits(s, (char) 0);
  }

  /** The title comparison of rule 2, with what it needs precomputed per entry. */
  private static final class Fuzzy {
    final List<Entry> entries;
    final List<Pair> out;
    final Set<Long> seen;
    final boolean[] inIdPair;
    final int firstExisting;
    final String[] titles;
    final String[] authors;
    final int[][] grams;

    Fuzzy(List<Entry> entries, List<Pair> out, Set<Long> seen, int firstExisting) {
      int n = entries.size();
      this.entries = entries;
      this.out = out;
      this.seen = seen;
      this.firstExisting = firstExisting;
      titles = new String[n];
      authors = new String[n];
      grams = new int[n][];
      inIdPair = new boolean[n];
      for (Pair p : out) {
        inIdPair[p.a()] = true;
        inIdPair[p.b()] = true;
      }
      for (int i = 0; i < n; i++) {
        Entry e = entries.get(i);
        titles[i] = normaliseTitle(e.title());
        authors[i] = normaliseName(StudyLabels.surname(e.firstAuthor()));
      }
    }

    /** Whether the author-year blocks already compared the pair. */
    boolean inAuthorBlocks(int i, int j) {
      Integer yi = entries.get(i).year();
      Integer yj = entries.get(j).year();
      return yi != null
          && yj != null
          && Math.abs(yi - yj) <= 1
          && !authors[i].isEmpty()
          && authors[i].equals(authors[j]);
    }

    void compare(int i0, int j0) {
      int i = Math.min(i0, j0);
      int j = Math.max(i0, j0);
      if (i == j || j >= firstExisting && i >= firstExisting) {
        return;
      }
      if (inIdPair[i] && inIdPair[j] && seen.contains(key(i, j))) {
        return;
      }
      Entry a = entries.get(i);
      Entry b = entries.get(j);
      Integer ya = a.year();
      Integer yb = b.year();
      if (ya != null && yb != null && Math.abs(ya - yb) > 1) {
        return;
      }
      int la = titles[i].length();
      int lb = titles[j].length();
      int max = Math.max(la, lb);
      if ((double) Math.min(la, lb) / max < POSSIBLE) {
        return;
      }
      int limit = (int) ((1 - POSSIBLE) * max);
      // q-gram count filter (Ukkonen 1992): within edit distance k the titles share at least
      // max(|a|, |b|) - q + 1 - k*q trigrams; hash collisions only raise the count, so no pair
      // that could reach the threshold is skipped
      if (grams[i] == null) {
        grams[i] = trigrams(titles[i]);
      }
      if (grams[j] == null) {
        grams[j] = trigrams(titles[j]);
      }
      if (common(grams[i], grams[j]) < max - 3 + 1 - limit * 3) {
        return;
      }
      double sim = similarity(titles[i], titles[j], limit);
      if (sim < POSSIBLE) {
        return;
      }
      boolean conflicting =
          (!a.doi().isEmpty() && !b.doi().isEmpty() && !a.doi().equals(b.doi()))
              || (!a.pmid().isEmpty() && !b.pmid().isEmpty() && !a.pmid().equals(b.pmid()));
      boolean certain =
          sim >= CERTAIN
              && ya != null
              && ya.equals(yb)
              && !authors[i].isEmpty()
              && authors[i].equals(authors[j])
              && !conflicting;
      add(out, seen, i, j, Reason.TITLE, sim, certain, firstExisting);
    }
  }

  /** Sorted hashes of the overlapping 3-character windows of a string. */
  static int[] trigrams(String s) {
    int m = Math.max(0, s.length() - 2);
    int[] g = new int[m];
    for (int i = 0; i < m; i++) {
      g[i] = (s.charAt(i) * 31 + s.charAt(i + 1)) * 31 + s.charAt(i + 2);
    }
    java.util.Arrays.sort(g);
    return g;
  }

  /** Size of the multiset intersection of two sorted arrays. */
  static int common(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        c++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return c;
  }
}
