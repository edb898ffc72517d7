package org.ewb.logic.samples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ewb.model.WorkbenchException;

/**
 * A small UTF-8 CSV file read whole (the sample sources have at most a few hundred rows), with its
 * header checked up front so that a missing column fails with the file and column named, not later
 * with a null.
 */
final class CsvTable {

  private final Path file;
  private final List<Row> rows;

  private CsvTable(Path file, List<Row> rows) {
    this.file = file;
    this.rows = rows;
  }

  /** One record; {@link #get} returns the stripped cell ("" when empty). */
  record Row(Path file, long line, Map<String, String> cells) {
    String get(String column) {
      String v = cells.get(column);
      if (v == null) {
        throw new WorkbenchException(
            WorkbenchException.Kind.FILE, file + ": no column '" + column + "'");
      }
      return v.strip();
    }
  }

  static CsvTable read(Path file, String... requiredColumns) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header =
          parser.getHeaderNames().stream()
              .map(h -> h.startsWith("\uFEFF") ? h.substring(1) : h)
              .toList();
      for (String c : requiredColumns) {
        if (!header.contains(c)) {
          throw new WorkbenchException(
              WorkbenchException.Kind.FILE,
              file + ": the header has no column '" + c + "' (found " + header + ")");
        }
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (r.size() != header.size()) {
          throw new WorkbenchException(
              WorkbenchException.Kind.FILE,
              file
                  + " line "
                  + r.getParser().getCurrentLineNumber()
                  + ": "
                  + r.size()
                  + " cells, expected "
                  + header.size());
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), r.get(i));
        }
        // +1: the header is line 1, so the first record is line 2 (as in a spreadsheet).
        rows.add(new Row(file, r.getRecordNumber() + 1, cells));
      }
      return new CsvTable(file, List.copyOf(rows));
    } catch (NoSuchFileException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE, "Sample source not found: " + file, e);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE,
          "Cannot read sample source " + file + ": " + e.getMessage(),
          e);
    }
  }

  Path file() {
    return file;
  }

  List<Row> rows() {
    return rows;
  }
}
