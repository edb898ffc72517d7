package org.ewb.logic.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RIS (Research Information Systems) as written by EndNote, Zotero, Mendeley, Embase and most
 * databases: one {@code "TG - value"} line per field, a record from {@code TY} to {@code ER}, a
 * line without a tag continuing the previous field. Written here because no maintained Java RIS
 * library exists on Maven Central (ADR 0110).
 */
final class RisParser {

  private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9])  -(?: (.*))?$");

  private RisParser() {}

  static List<RefRecord> parse(String file, String text, List<ImportProblem> problems) {
    List<RefRecord> out = new ArrayList<>();
    RefRecord.Builder b = null;
    String lastTag = null;
    int lineNo = 0;
    int start = 0;
    int lastText = 0;
    int len = text.length();
    while (start <= len) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = len;
      }
      String line = text.substring(start, end);
      start = end + 1;
      lineNo++;
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      if (!line.isBlank()) {
        lastText = lineNo;
      }
      Matcher m = TAG.matcher(line);
      if (m.matches()) {
        String tag = m.group(1);
        String value = m.group(2) == null ? "" : m.group(2).strip();
        if (tag.equals("TY")) {
          if (b != null) {
            throw ImportErrors.refuse(file, lineNo, "import.error.ris.noEnd", b.line);
          }
          b = new RefRecord.Builder(out.size() + 1, lineNo);
          lastTag = tag;
          continue;
        }
        if (b == null) {
          throw ImportErrors.refuse(file, lineNo, "import.error.ris.outside", tag);
        }
        if (tag.equals("ER")) {
          out.add(b.build(file, problems));
          b = null;
          lastTag = null;
          continue;
        }
        field(b, tag, value);
        lastTag = tag;
      } else if (!line.isBlank()) {
        if (b == null) {
          if (out.isEmpty() && lineNo <= 1) {
            throw ImportErrors.refuse(file, lineNo, "import.error.ris.notRis");
          }
          throw ImportErrors.refuse(file, lineNo, "import.error.ris.outside", line.strip());
        }
        // a wrapped line continues the previous field (long abstracts, titles)
        if (lastTag != null) {
          field(b, lastTag, line.strip(), true);
        }
      }
    }
    if (b != null) {
      throw ImportErrors.refuse(file, lastText, "import.error.truncated", b.number, b.line);
    }
    if (out.isEmpty()) {
      throw ImportErrors.refuse(file, 0, "import.error.empty");
    }
    return out;
  }

  private static void field(RefRecord.Builder b, String tag, String value) {
    field(b, tag, value, false);
  }

  private static void field(RefRecord.Builder b, String tag, String value, boolean continued) {
    b.text(value);
    switch (tag) {
      case "AU", "A1" -> {
        if (continued && !b.authors.isEmpty()) {
          int i = b.authors.size() - 1;
          b.authors.set(i, b.authors.get(i) + " " + value);
        } else {
          b.authors.add(value);
        }
      }
      case "TI", "T1" -> {
        if (continued || b.title.isEmpty()) {
          b.title = join(b.title, value, continued);
        }
      }
      case "JF", "JO", "T2", "JA", "J2" -> {
        if (continued) {
          b.journal = join(b.journal, value, true);
        } else if (b.journal.isEmpty() || tag.equals("JF") || tag.equals("T2")) {
          b.journal = value;
        }
      }
      case "PY", "Y1", "DA" -> {
        if (b.yearText.isBlank() || tag.equals("PY")) {
          b.yearText = value;
        }
      }
      case "VL" -> b.volume = value;
      case "IS" -> b.issue = value;
      case "SP" -> b.startPage = value;
      case "EP" -> b.endPage = value;
      case "DO" -> b.doi = RefRecord.Builder.first(b.doi, value);
      case "UR", "L2" -> {
        if (b.doi.isBlank() && value.contains("doi.org/")) {
          b.doi = value;
        }
      }
      case "AN", "C7" -> {
        if (b.pmid.isBlank() && value.matches("(?i)(pmid:?\\s*)?\\d{1,9}")) {
          b.pmid = value;
        }
      }
      case "AB", "N2" -> {
        if (b.abstractText.isEmpty() || continued) {
          b.abstractText = join(b.abstractText, value, continued);
        }
      }
      case "KW" -> {
        if (continued && !b.keywords.isEmpty()) {
          int i = b.keywords.size() - 1;
          b.keywords.set(i, b.keywords.get(i) + " " + value);
        } else {
          b.keywords.add(value);
        }
      }
      case "LA" -> b.language = value;
      default -> {
        // other tags (notes, URLs, call numbers...) are searched for registrations only
      }
    }
  }

  private static String join(String a, String v, boolean append) {
    if (!append || a.isEmpty()) {
      return v;
    }
    return a + " " + v;
  }
}
