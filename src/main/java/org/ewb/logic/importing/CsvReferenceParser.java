package org.ewb.logic.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reference lists as CSV with a header row (Covidence, Rayyan, Scopus, Web of Science, a
 * spreadsheet): columns are found by name, with the usual synonyms, or by an explicit mapping
 * {@code field=Header}. Read with Commons CSV; comma, semicolon and tab are recognised.
 */
final class CsvReferenceParser {

  /** The fields a column can be mapped to, with the header names recognised for each. */
  static final Map<String, List<String>> SYNONYMS = new java.util.LinkedHashMap<>();

  static {
    SYNONYMS.put("authors", List.of("authors", "author", "au", "author full names", "作者"));
    SYNONYMS.put(
        "year", List.of("year", "py", "publication year", "published year", "pubyear", "年份"));
    SYNONYMS.put("title", List.of("title", "ti", "article title", "document title", "标题", "题名"));
    SYNONYMS.put(
        "journal",
        List.of("journal", "source", "source title", "so", "journal/book", "publication", "期刊"));
    SYNONYMS.put("volume", List.of("volume", "vl", "卷"));
    SYNONYMS.put("issue", List.of("issue", "number", "is", "期"));
    SYNONYMS.put("pages", List.of("pages", "pg", "page", "页码"));
    SYNONYMS.put("doi", List.of("doi", "di"));
    SYNONYMS.put("pmid", List.of("pmid", "pubmed id", "pubmed", "accession number"));
    SYNONYMS.put("registration", List.of("registration", "trial registration", "trial id", "注册号"));
    SYNONYMS.put("abstract", List.of("abstract", "ab", "摘要"));
    SYNONYMS.put("keywords", List.of("keywords", "author keywords", "de", "kw", "关键词"));
    SYNONYMS.put("language", List.of("language", "la", "language of original document", "语言"));
  }

  private CsvReferenceParser() {}

  static List<RefRecord> parse(
      String file, String text, Map<String, String> mapping, List<ImportProblem> problems) {
    for (String key : mapping.keySet()) {
      if (!SYNONYMS.containsKey(key)) {
        throw ImportErrors.usage(
            "import.error.csv.unknownField", key, String.join(", ", SYNONYMS.keySet()));
      }
    }
    char delimiter = delimiter(text);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setAllowDuplicateHeaderNames(true)
            .setIgnoreEmptyLines(true)
            .build();
    List<RefRecord> out = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(new StringReader(stripBom(text)), format)) {
      List<String> headers = p.getHeaderNames();
      Map<String, Integer> columns = columns(file, headers, mapping);
      if (!columns.containsKey("title")
          && !columns.containsKey("doi")
          && !columns.containsKey("pmid")) {
        throw ImportErrors.refuse(file, 1, "import.error.csv.noTitle", String.join(", ", headers));
      }
      for (CSVRecord rec : p) {
        int line = (int) rec.getParser().getCurrentLineNumber();
        RefRecord.Builder b = new RefRecord.Builder(out.size() + 1, line);
        for (int i = 0; i < rec.size(); i++) {
          b.text(rec.get(i));
        }
        for (Map.Entry<String, Integer> c : columns.entrySet()) {
          int i = c.getValue();
          String v = i < rec.size() ? rec.get(i).strip() : "";
          if (v.isEmpty()) {
            continue;
          }
          switch (c.getKey()) {
            case "authors" -> b.authors.addAll(splitAuthors(v));
            case "year" -> b.yearText = v;
            case "title" -> b.title = v;
            case "journal" -> b.journal = v;
            case "volume" -> b.volume = v;
            case "issue" -> b.issue = v;
            case "pages" -> b.pages = v;
            case "doi" -> b.doi = v;
            case "pmid" -> b.pmid = v;
            case "abstract" -> b.abstractText = v;
            case "keywords" -> b.keywords.addAll(List.of(v.split("\\s*[;,]\\s*")));
            case "language" -> b.language = v;
            default -> {
              // registration: found by the scan of every cell
            }
          }
        }
        if (b.title.isBlank() && b.doi.isBlank() && b.pmid.isBlank() && b.authors.isEmpty()) {
          continue;
        }
        out.add(b.build(file, problems));
      }
    } catch (IOException e) {
      throw ImportErrors.refuse(file, 0, "import.error.csv", String.valueOf(e.getMessage()));
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      // Commons CSV reports a broken quote or header this way
      throw ImportErrors.refuse(file, 0, "import.error.csv", String.valueOf(e.getMessage()));
    }
    if (out.isEmpty()) {
      throw ImportErrors.refuse(file, 0, "import.error.empty");
    }
    return out;
  }

  /** "Hu J; Li X" or "Hu, J., Li, X." (Scopus) or "Hu J, Li X" (PubMed CSV). */
  static List<String> splitAuthors(String v) {
    if (v.contains(";")) {
      return List.of(v.split("\\s*;\\s*"));
    }
    if (v.contains(" and ")) {
      return List.of(v.split("\\s+and\\s+"));
    }
    // "Hu, J., Li, X." pairs of surname, initials; else comma-separated names
    String[] parts = v.split("\\s*,\\s*");
    boolean pairs =
        parts.length % 2 == 0
            && java.util.stream.IntStream.range(0, parts.length / 2)
                .allMatch(i -> parts[2 * i + 1].matches("(\\p{Lu}\\.?\\s*-?)+"));
    if (pairs) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < parts.length; i += 2) {
        out.add(parts[i] + ", " + parts[i + 1]);
      }
      return out;
    }
    return List.of(parts);
  }

  private static Map<String, Integer> columns(
      String file, List<String> headers, Map<String, String> mapping) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      byName.putIfAbsent(norm(headers.get(i)), i);
    }
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : SYNONYMS.entrySet()) {
      String explicit = mapping.get(e.getKey());
      if (explicit != null) {
        Integer i = byName.get(norm(explicit));
        if (i == null) {
          throw ImportErrors.refuse(
              file, 1, "import.error.csv.noColumn", explicit, String.join(", ", headers));
        }
        out.put(e.getKey(), i);
        continue;
      }
      for (String syn : e.getValue()) {
        Integer i = byName.get(norm(syn));
        if (i != null) {
          out.put(e.getKey(), i);
          break;
        }
      }
    }
    return out;
  }

  static String norm(String h) {
    return h.strip().replace("\uFEFF", "").replace('_', ' ').toLowerCase(Locale.ROOT);
  }

  static String stripBom(String text) {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  /** The delimiter of the header line: the most frequent of comma, semicolon and tab. */
  static char delimiter(String text) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    char best = ',';
    long bestCount = first.chars().filter(ch -> ch == ',').count();
    for (char c : new char[] {';', '\t'}) {
      long n = first.chars().filter(ch -> ch == c).count();
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    return best;
  }
}
