package org.ewb.logic.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PubMed's MEDLINE / {@code .nbib} format: {@code "TAG - value"} with the tag left-aligned in four
 * columns, continuation lines indented by six spaces, records starting at {@code PMID-} and
 * separated by blank lines. Written here (ADR 0110): the format is a dozen lines of rules and no
 * maintained Java parser exists.
 */
final class NbibParser {

  private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$");

  private NbibParser() {}

  static List<RefRecord> parse(String file, String text, List<ImportProblem> problems) {
    List<RefRecord> out = new ArrayList<>();
    RefRecord.Builder b = null;
    String lastTag = null;
    boolean sawFau = false;
    List<String> shortAuthors = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (i == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("      ") || line.startsWith("\t")) {
        if (b == null || lastTag == null) {
          throw ImportErrors.refuse(file, lineNo, "import.error.nbib.outside", line.strip());
        }
        field(b, lastTag, line.strip(), true, shortAuthors);
        continue;
      }
      Matcher m = TAG.matcher(line);
      if (!m.matches() || line.length() < 5 || line.charAt(4) != '-') {
        throw ImportErrors.refuse(
            file,
            lineNo,
            out.isEmpty() && b == null ? "import.error.nbib.notNbib" : "import.error.nbib.line",
            line.strip());
      }
      String tag = m.group(1);
      String value = m.group(2).strip();
      if (tag.equals("PMID")) {
        if (b != null) {
          out.add(finish(b, sawFau, shortAuthors, file, problems));
        }
        b = new RefRecord.Builder(out.size() + 1, lineNo);
        b.pmid = value;
        sawFau = false;
        shortAuthors = new ArrayList<>();
      } else if (b == null) {
        throw ImportErrors.refuse(file, lineNo, "import.error.nbib.outside", tag);
      }
      if (tag.equals("FAU")) {
        sawFau = true;
      }
      field(b, tag, value, false, shortAuthors);
      lastTag = tag;
    }
    if (b != null) {
      out.add(finish(b, sawFau, shortAuthors, file, problems));
    }
    if (out.isEmpty()) {
      throw ImportErrors.refuse(file, 0, "import.error.empty");
    }
    return out;
  }

  private static RefRecord finish(
      RefRecord.Builder b,
      boolean sawFau,
      List<String> shortAuthors,
      String file,
      List<ImportProblem> problems) {
    if (!sawFau) {
      b.authors.addAll(shortAuthors);
    }
    return b.build(file, problems);
  }

  private static void field(
      RefRecord.Builder b, String tag, String value, boolean continued, List<String> shortAuthors) {
    b.text(value);
    switch (tag) {
      case "FAU" -> appendItem(b.authors, value, continued);
      case "AU" -> appendItem(shortAuthors, value, continued);
      case "CN" -> {
        // a collaborative group author counts as an author when there is no person
        if (!continued) {
          shortAuthors.add(value);
        }
      }
      case "TI" -> b.title = continued ? b.title + " " + value : value;
      case "TT" -> {
        // transliterated / original-language title: used when TI is empty ("[Title in Chinese]")
        if (b.title.isBlank() || b.title.startsWith("[")) {
          b.title = continued ? b.title + " " + value : value;
        }
      }
      case "AB" -> b.abstractText = continued ? b.abstractText + " " + value : value;
      case "DP" -> b.yearText = RefRecord.Builder.first(b.yearText, value);
      case "JT" -> b.journal = continued ? b.journal + " " + value : value;
      case "TA" -> {
        if (b.journal.isBlank()) {
          b.journal = value;
        }
      }
      case "VI" -> b.volume = value;
      case "IP" -> b.issue = value;
      case "PG" -> b.pages = value;
      case "LID", "AID" -> {
        if (value.endsWith("[doi]") && b.doi.isBlank()) {
          b.doi = value.substring(0, value.length() - 5).strip();
        }
      }
      case "LA" -> b.language = b.language.isEmpty() ? value : b.language + "; " + value;
      case "OT", "MH" -> appendItem(b.keywords, value, continued);
      default -> {
        // SI (secondary source ids), PT, ... are searched for registrations only
      }
    }
  }

  private static void appendItem(List<String> list, String value, boolean continued) {
    if (continued && !list.isEmpty()) {
      int i = list.size() - 1;
      list.set(i, list.get(i) + " " + value);
    } else {
      list.add(value);
    }
  }
}
