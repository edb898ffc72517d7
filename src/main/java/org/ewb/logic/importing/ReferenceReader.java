package org.ewb.logic.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a reference file of any supported format into records; a broken file is refused. */
public final class ReferenceReader {

  /** What a file held: its format, encoding, records, and problems that did not stop it. */
  public record Parsed(
      String file,
      ReferenceFormat format,
      String charset,
      List<RefRecord> records,
      List<ImportProblem> problems) {}

  private ReferenceReader() {}

  /**
   * @param format null = detect
   * @param csvMapping for CSV: field → column header (may be empty)
   */
  public static Parsed read(Path file, ReferenceFormat format, Map<String, String> csvMapping) {
    TextDecoder.Decoded d = TextDecoder.read(file);
    return parse(file.getFileName().toString(), d.text(), d.charset().name(), format, csvMapping);
  }

  public static Parsed parse(
      String name,
      String text,
      String charset,
      ReferenceFormat format,
      Map<String, String> csvMapping) {
    ReferenceFormat f = format != null ? format : ReferenceFormat.detect(name, text);
    List<ImportProblem> problems = new ArrayList<>();
    List<RefRecord> records =
        switch (f) {
          case RIS -> RisParser.parse(name, text, problems);
          case NBIB -> NbibParser.parse(name, text, problems);
          case BIBTEX -> BibtexParser.parse(name, text, problems);
          case ENDNOTE_XML -> EndNoteXmlParser.parse(name, text, problems);
          case CSV ->
              CsvReferenceParser.parse(
                  name, text, csvMapping == null ? Map.of() : csvMapping, problems);
        };
    return new Parsed(name, f, charset, records, problems);
  }
}
