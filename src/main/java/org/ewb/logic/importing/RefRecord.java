package org.ewb.logic.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * One bibliographic record as read from a reference file, before it becomes (or joins) a study.
 * {@code number} is its 1-based position in the file and {@code line} the line it starts on (0
 * where the format gives none), so that every report can name the place.
 */
public record RefRecord(
    int number,
    int line,
    List<String> authors,
    Integer year,
    String title,
    String journal,
    String volume,
    String issue,
    String pages,
    String doi,
    String pmid,
    List<String> registrations,
    String abstractText,
    List<String> keywords,
    String language) {

  public RefRecord {
    authors = List.copyOf(authors);
    title = nz(title);
    journal = nz(journal);
    volume = nz(volume);
    issue = nz(issue);
    pages = nz(pages);
    doi = nz(doi);
    pmid = nz(pmid);
    registrations = List.copyOf(registrations);
    abstractText = nz(abstractText);
    keywords = List.copyOf(keywords);
    language = nz(language);
  }

  public String firstAuthor() {
    return authors.isEmpty() ? "" : authors.get(0);
  }

  /** A short description for reports: "record 3 (line 41): Hu 2013, Title…". */
  public String describe() {
    String t = title.length() > 60 ? title.substring(0, 59) + "…" : title;
    return StudyLabels.surname(firstAuthor()) + " " + (year == null ? "" : year) + ", " + t;
  }

  static String nz(String s) {
    return s == null ? "" : s.strip();
  }

  /** Collects a record's fields while a parser reads it; {@link #build} normalises them. */
  static final class Builder {
    final int number;
    final int line;
    final List<String> authors = new ArrayList<>();
    String yearText = "";
    String title = "";
    String journal = "";
    String volume = "";
    String issue = "";
    String startPage = "";
    String endPage = "";
    String pages = "";
    String doi = "";
    String pmid = "";
    String abstractText = "";
    final List<String> keywords = new ArrayList<>();
    String language = "";

    /** Every text of the record, searched for trial registration numbers. */
    final StringBuilder allText = new StringBuilder();

    Builder(int number, int line) {
      this.number = number;
      this.line = line;
    }

    void text(String s) {
      allText.append(s).append('\n');
    }

    static String first(String current, String value) {
      return current.isBlank() ? nz(value) : current;
    }

    RefRecord build(String file, List<ImportProblem> problems) {
      String p = pages.isBlank() ? startPage : pages;
      if (pages.isBlank() && !endPage.isBlank() && !startPage.isBlank()) {
        p = startPage + "-" + endPage;
      }
      Integer year = null;
      if (!yearText.isBlank()) {
        java.util.regex.Matcher m = YEAR.matcher(yearText);
        if (m.find()) {
          year = Integer.parseInt(m.group());
        } else {
          problems.add(
              new ImportProblem(
                  file,
                  number,
                  line,
                  "year",
                  org.ewb.logic.l10n.Localization.lang("import.problem.year", yearText.strip())));
        }
      }
      List<String> regs = Identifiers.registrations(allText);
      return new RefRecord(
          number,
          line,
          authors.stream().map(String::strip).filter(a -> !a.isEmpty()).toList(),
          year,
          clean(title),
          clean(journal),
          volume,
          issue,
          p,
          Identifiers.doi(doi),
          Identifiers.pmid(pmid),
          regs,
          clean(abstractText),
          keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList(),
          language);
    }

    private static final java.util.regex.Pattern YEAR =
        java.util.regex.Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)(?!\\d)");

    /** Collapses the white space of a wrapped field. */
    static String clean(String s) {
      String t = nz(s);
      StringBuilder b = null;
      boolean space = false;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        boolean ws = Character.isWhitespace(c);
        if (ws && (c != ' ' || space) && b == null) {
          b = new StringBuilder(t.length()).append(t, 0, i);
        }
        if (b != null) {
          if (!ws) {
            b.append(c);
          } else if (!space) {
            b.append(' ');
          }
        }
        space = ws;
      }
      return b == null ? t : b.toString();
    }
  }
}
