package org.ewb.logic.importing;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * EndNote's XML export ({@code <xml><records><record>…}) read with the JDK's StAX reader, DTDs and
 * external entities switched off (no XXE). Text of an element is the text of all its children, so
 * EndNote's {@code <style>} wrappers disappear. ADR 0110.
 */
final class EndNoteXmlParser {

  private EndNoteXmlParser() {}

  static List<RefRecord> parse(String file, String text, List<ImportProblem> problems) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    List<RefRecord> out = new ArrayList<>();
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(new StringReader(text));
      Deque<String> path = new ArrayDeque<>();
      RefRecord.Builder b = null;
      StringBuilder chars = new StringBuilder();
      boolean sawRoot = false;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT -> {
            String name = r.getLocalName();
            if (!sawRoot) {
              sawRoot = true;
              if (!name.equals("xml") && !name.equals("records")) {
                throw ImportErrors.refuse(
                    file, r.getLocation().getLineNumber(), "import.error.endnote.root", name);
              }
            }
            path.push(name);
            if (name.equals("record")) {
              b = new RefRecord.Builder(out.size() + 1, r.getLocation().getLineNumber());
            }
            if (b != null && isField(name)) {
              chars.setLength(0);
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (b != null) {
              chars.append(r.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            String name = path.pop();
            if (b == null) {
              break;
            }
            if (name.equals("record")) {
              out.add(b.build(file, problems));
              b = null;
            } else if (isField(name)) {
              String value = chars.toString().strip();
              chars.setLength(0);
              b.text(value);
              field(b, name, path.peek(), value);
            }
          }
          default -> {
            // comments, processing instructions, white space between records
          }
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw ImportErrors.refuse(file, line, "import.error.xml", cleanMessage(e.getMessage()));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // the text was read from memory; nothing to release
        }
      }
    }
    if (out.isEmpty()) {
      throw ImportErrors.refuse(file, 0, "import.error.empty");
    }
    return out;
  }

  /** Elements whose text is a field value (their {@code <style>} children are not). */
  private static boolean isField(String name) {
    return switch (name) {
      case "author",
              "title",
              "secondary-title",
              "full-title",
              "abbr-1",
              "year",
              "volume",
              "number",
              "pages",
              "electronic-resource-num",
              "accession-num",
              "abstract",
              "keyword",
              "language",
              "notes",
              "url",
              "custom1",
              "custom2",
              "remote-database-name",
              "isbn" ->
          true;
      default -> false;
    };
  }

  private static void field(RefRecord.Builder b, String name, String parent, String value) {
    switch (name) {
      case "author" -> {
        if ("authors".equals(parent)) {
          b.authors.add(value);
        }
      }
      case "title" -> {
        if ("titles".equals(parent)) {
          b.title = value;
        }
      }
      case "secondary-title" -> b.journal = value;
      case "full-title" -> b.journal = RefRecord.Builder.first(b.journal, value);
      case "abbr-1" -> b.journal = RefRecord.Builder.first(b.journal, value);
      case "year" -> b.yearText = RefRecord.Builder.first(b.yearText, value);
      case "volume" -> b.volume = value;
      case "number" -> b.issue = value;
      case "pages" -> b.pages = value;
      case "electronic-resource-num" -> b.doi = value;
      case "accession-num" -> {
        if (value.matches("(?i)(pmid:?\\s*)?\\d{1,9}")) {
          b.pmid = value;
        }
      }
      case "abstract" -> b.abstractText = value;
      case "keyword" -> b.keywords.add(value);
      case "language" -> b.language = value;
      case "url" -> {
        if (b.doi.isBlank() && value.contains("doi.org/")) {
          b.doi = value;
        }
      }
      default -> {
        // notes, custom fields: searched for registrations only
      }
    }
  }

  private static String cleanMessage(String m) {
    if (m == null) {
      return "";
    }
    int i = m.indexOf("Message:");
    return (i >= 0 ? m.substring(i + 8) : m).strip();
  }
}
