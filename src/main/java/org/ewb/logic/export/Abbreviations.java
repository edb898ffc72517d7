package org.ewb.logic.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A glossary of abbreviations common in trial tables ({@code resources/export/abbreviations.tsv}:
 * abbreviation, English, Chinese). Used to write the "Abbreviations:" footnote of a table from the
 * abbreviations that actually occur in it, as journals ask.
 */
public final class Abbreviations {

  /** One glossary entry. */
  public record Entry(String abbreviation, String en, String zh, Pattern pattern) {
    public String expansion(String lang) {
      return "zh".equals(lang) && !zh.isEmpty() ? zh : en;
    }
  }

  private static final List<Entry> GLOSSARY = load();

  private Abbreviations() {}

  public static List<Entry> glossary() {
    return GLOSSARY;
  }

  /** The glossary entries occurring as whole words in {@code texts}, sorted alphabetically. */
  public static List<Entry> foundIn(Collection<String> texts) {
    return foundIn(texts, GLOSSARY);
  }

  /** The entries of {@code glossary} occurring as whole words in {@code texts}, alphabetical. */
  public static List<Entry> foundIn(Collection<String> texts, List<Entry> glossary) {
    Map<String, Entry> found = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Entry e : glossary) {
      for (String t : texts) {
        if (t.contains(e.abbreviation()) && e.pattern().matcher(t).find()) {
          found.put(e.abbreviation(), e);
          break;
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /** A project glossary as entries with their whole-word patterns. */
  public static List<Entry> entries(List<org.ewb.model.GlossaryEntry> glossary) {
    return glossary.stream()
        .map(g -> new Entry(g.abbreviation(), g.en(), g.zh(), pattern(g.abbreviation())))
        .toList();
  }

  /**
   * A whole word: not part of a longer abbreviation (UC-MSC when looking for UC or MSC, aBM-MNC for
   * BM-MNC), but found before a hyphenated word ("hMSC-based"); an "s" plural is allowed.
   */
  static Pattern pattern(String abbr) {
    return Pattern.compile(
        "(?<![\\p{Alnum}-])" + Pattern.quote(abbr) + "(?:s)?(?![\\p{Alnum}]|-[\\p{Upper}\\d])");
  }

  private static List<Entry> load() {
    List<Entry> out = new ArrayList<>();
    InputStream in = Abbreviations.class.getResourceAsStream("/export/abbreviations.tsv");
    if (in == null) {
      throw new IllegalStateException("resource /export/abbreviations.tsv missing from the build");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\t");
        String abbr = p[0].strip();
        // a whole word: not part of a longer abbreviation such as UC-MSC when looking for MSC
        Pattern pat = pattern(abbr);
        out.add(
            new Entry(
                abbr, p.length > 1 ? p[1].strip() : "", p.length > 2 ? p[2].strip() : "", pat));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
