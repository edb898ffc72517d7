package org.ewb.logic.importing;

import java.util.Locale;

/** The reference file formats that can be imported. */
public enum ReferenceFormat {
  RIS,
  NBIB,
  BIBTEX,
  ENDNOTE_XML,
  CSV;

  /** "ris", "nbib", "bibtex" (or "bib"), "endnote" (or "xml"), "csv". */
  public static ReferenceFormat parse(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "ris" -> RIS;
      case "nbib", "medline", "pubmed" -> NBIB;
      case "bib", "bibtex", "biblatex" -> BIBTEX;
      case "xml", "endnote", "endnote-xml" -> ENDNOTE_XML;
      case "csv" -> CSV;
      default -> throw ImportErrors.usage("import.error.format", name);
    };
  }

  /** The format from the file's content, where it is unmistakable, else from its extension. */
  public static ReferenceFormat detect(String fileName, String text) {
    String head = CsvReferenceParser.stripBom(text).stripLeading();
    if (head.startsWith("TY  -")) {
      return RIS;
    }
    if (head.startsWith("PMID-")) {
      return NBIB;
    }
    if (head.startsWith("<?xml") || head.startsWith("<xml") || head.startsWith("<records")) {
      return ENDNOTE_XML;
    }
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".ris")) {
      return RIS;
    }
    if (n.endsWith(".nbib") || n.endsWith(".medline")) {
      return NBIB;
    }
    if (n.endsWith(".bib") || head.startsWith("@") || head.startsWith("%")) {
      return BIBTEX;
    }
    if (n.endsWith(".xml")) {
      return ENDNOTE_XML;
    }
    if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) {
      return CSV;
    }
    throw ImportErrors.refuse(fileName, 0, "import.error.unknownFormat");
  }
}
