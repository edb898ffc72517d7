package org.ewb.logic.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an {@link ExportTable} as CSV: UTF-8 with a byte-order mark (so that Excel detects the
 * encoding and shows Chinese text), RFC 4180 (comma, CRLF, quotes where needed), one flattened
 * header row, then the body. Numbers are written as typed; text that a spreadsheet could run as a
 * formula is neutralised ({@link CsvInjection}). Title and footnotes are not written: a CSV file is
 * data for other programs (ADR 0061).
 */
public final class CsvTableWriter {

  /** The UTF-8 byte-order mark. */
  public static final String BOM = "\uFEFF";

  private CsvTableWriter() {}

  public static void write(ExportTable table, OutputStream out, ExportProgress progress)
      throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(BOM);
    CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
    List<String> header = new ArrayList<>();
    for (String h : table.flatHeader()) {
      header.add(CsvInjection.neutralise(h));
    }
    printer.printRecord(header);
    long total = table.rows().size();
    long done = 0;
    List<String> record = new ArrayList<>(table.columns());
    for (List<ExportCell> row : table.rows()) {
      record.clear();
      for (ExportCell c : row) {
        record.add(c.isNumber() ? c.csvNumber() : CsvInjection.neutralise(c.text()));
      }
      printer.printRecord(record);
      if (++done % 1000 == 0) {
        progress.rows(done, total);
        progress.checkCancelled();
      }
    }
    progress.rows(done, total);
    printer.flush();
  }
}
