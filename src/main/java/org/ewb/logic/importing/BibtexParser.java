package org.ewb.logic.importing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXObject;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.LaTeXObject;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ObjectResolutionException;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;

/**
 * BibTeX and BibLaTeX through JBibTeX (ADR 0110): JBibTeX parses entries, strings and concatenation
 * and turns LaTeX ({@code {\"u}}, {@code --}) into Unicode; this class maps the fields of both
 * dialects ({@code journal}/{@code journaltitle}, {@code year}/{@code date}, {@code number}/{@code
 * issue}, {@code language}/{@code langid}, {@code eprint} with {@code eprinttype = pubmed}).
 */
final class BibtexParser {

  /** Where each entry starts, to report lines (JBibTeX gives none for entries). */
  private static final Pattern ENTRY_START = Pattern.compile("@\\s*([A-Za-z]+)\\s*[{(]");

  private BibtexParser() {}

  static List<RefRecord> parse(String file, String text, List<ImportProblem> problems) {
    BibTeXDatabase db;
    try {
      org.jbibtex.BibTeXParser parser =
          new org.jbibtex.BibTeXParser() {
            @Override
            public void checkStringResolution(Key key, BibTeXString string) {
              // an undefined @string macro stays as its name instead of failing the file
            }

            @Override
            public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
              // crossref to an entry not in this file: fields of the entry itself are used
            }
          };
      db = parser.parse(new StringReader(text));
    } catch (ParseException e) {
      int line =
          e.currentToken != null && e.currentToken.next != null ? e.currentToken.next.beginLine : 0;
      throw ImportErrors.refuse(file, line, "import.error.bibtex", firstLine(e.getMessage()));
    } catch (TokenMgrException | ObjectResolutionException e) {
      throw ImportErrors.refuse(file, 0, "import.error.bibtex", firstLine(e.getMessage()));
    }
    List<Integer> lines = entryLines(text);
    List<RefRecord> out = new ArrayList<>();
    for (BibTeXObject o : db.getObjects()) {
      if (!(o instanceof BibTeXEntry e)) {
        continue;
      }
      int number = out.size() + 1;
      int line = number - 1 < lines.size() ? lines.get(number - 1) : 0;
      RefRecord.Builder b = new RefRecord.Builder(number, line);
      for (Map.Entry<Key, Value> f : e.getFields().entrySet()) {
        String name = f.getKey().getValue().toLowerCase(Locale.ROOT);
        String raw = f.getValue().toUserString();
        String value = name.equals("doi") || name.equals("url") ? raw : latex(raw);
        b.text(value);
        field(b, name, value, e);
      }
      out.add(b.build(file, problems));
    }
    if (out.isEmpty()) {
      throw ImportErrors.refuse(file, 0, "import.error.empty");
    }
    return out;
  }

  private static void field(RefRecord.Builder b, String name, String value, BibTeXEntry e) {
    switch (name) {
      case "author" -> {
        for (String a : value.split("\\s+and\\s+")) {
          b.authors.add(a.strip());
        }
      }
      case "title" -> b.title = value;
      case "journal", "journaltitle" -> b.journal = RefRecord.Builder.first(b.journal, value);
      case "booktitle" -> {
        if (b.journal.isBlank()) {
          b.journal = value;
        }
      }
      case "year" -> b.yearText = value;
      case "date" -> b.yearText = RefRecord.Builder.first(b.yearText, value);
      case "volume" -> b.volume = value;
      case "number", "issue" -> b.issue = RefRecord.Builder.first(b.issue, value);
      case "pages" -> b.pages = value.replace("--", "-").replace("–", "-");
      case "doi" -> b.doi = value;
      case "pmid" -> b.pmid = value;
      case "eprint" -> {
        Value type = e.getField(new Key("eprinttype"));
        if (type != null && type.toUserString().equalsIgnoreCase("pubmed")) {
          b.pmid = value;
        }
      }
      case "abstract" -> b.abstractText = value;
      case "keywords" -> {
        for (String k : value.split("[;,]")) {
          b.keywords.add(k.strip());
        }
      }
      case "language", "langid" -> b.language = RefRecord.Builder.first(b.language, value);
      default -> {
        // note, url, ... are searched for registrations only
      }
    }
  }

  /** LaTeX to Unicode with JBibTeX's printer; text it cannot parse keeps only its braces off. */
  static String latex(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('{') < 0 && s.indexOf('~') < 0 && !s.contains("--")) {
      return s;
    }
    try {
      List<LaTeXObject> objects = new LaTeXParser().parse(s);
      return new LaTeXPrinter().print(objects);
    } catch (ParseException
        | TokenMgrException
        | IllegalArgumentException
        | IllegalStateException e) {
      // JBibTeX refuses some LaTeX (unknown commands, unbalanced math); keep the text readable
      return s.replace("{", "").replace("}", "");
    }
  }

  private static List<Integer> entryLines(String text) {
    List<Integer> lines = new ArrayList<>();
    Matcher m = ENTRY_START.matcher(text);
    int line = 1;
    int pos = 0;
    while (m.find()) {
      String type = m.group(1).toLowerCase(Locale.ROOT);
      for (int i = pos; i < m.start(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      pos = m.start();
      if (!type.equals("string") && !type.equals("comment") && !type.equals("preamble")) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    return (i < 0 ? s : s.substring(0, i)).strip();
  }
}
