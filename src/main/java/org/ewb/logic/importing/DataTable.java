package org.ewb.logic.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A spreadsheet read as text: a header row and data rows, each with the line (CSV) or row number
 * (xlsx, first sheet) it came from. Numbers stored as numbers in a workbook come back in plain
 * decimal notation ("0.25", not "2.5E-1").
 */
public record DataTable(String file, List<String> header, List<Line> rows) {

  /** One data row and its 1-based line or row number. */
  public record Line(int number, List<String> cells) {
    public String get(int i) {
      return i >= 0 && i < cells.size() ? cells.get(i).strip() : "";
    }
  }

  public int column(String... names) {
    for (String n : names) {
      for (int i = 0; i < header.size(); i++) {
        if (norm(header.get(i)).equals(norm(n))) {
          return i;
        }
      }
    }
    return -1;
  }

  static String norm(String h) {
    return h.replace("\uFEFF", "")
        .strip()
        .replace('_', ' ')
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  /** Reads a .csv (any of the encodings of {@link TextDecoder}) or the first sheet of a .xlsx. */
  public static DataTable read(Path file) {
    String name = file.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
        || name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
      return readWorkbook(file, name);
    }
    return parseCsv(name, TextDecoder.read(file).text());
  }

  public static DataTable parseCsv(String name, String text) {
    String t = CsvReferenceParser.stripBom(text);
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(CsvReferenceParser.delimiter(t)).build();
    List<String> header = null;
    List<Line> rows = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(new StringReader(t), format)) {
      for (CSVRecord r : p) {
        List<String> cells = new ArrayList<>(r.size());
        r.forEach(cells::add);
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (header == null) {
          header = cells;
        } else {
          rows.add(new Line((int) p.getCurrentLineNumber(), cells));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw ImportErrors.refuse(name, 0, "import.error.csv", String.valueOf(e.getMessage()));
    }
    if (header == null) {
      throw ImportErrors.refuse(name, 0, "import.error.empty");
    }
    return new DataTable(name, header, rows);
  }

  private static DataTable readWorkbook(Path file, String name) {
    try (InputStream in = Files.newInputStream(file);
        Workbook wb = WorkbookFactory.create(in)) {
      if (wb.getNumberOfSheets() == 0) {
        throw ImportErrors.refuse(name, 0, "import.error.empty");
      }
      Sheet sheet = wb.getSheetAt(0);
      List<String> header = null;
      List<Line> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          cells.add(text(row.getCell(c)));
        }
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (header == null) {
          header = cells;
        } else {
          rows.add(new Line(row.getRowNum() + 1, cells));
        }
      }
      if (header == null) {
        throw ImportErrors.refuse(name, 0, "import.error.empty");
      }
      return new DataTable(name, header, rows);
    } catch (IOException | org.apache.poi.EncryptedDocumentException e) {
      throw ImportErrors.refuse(name, 0, "import.error.xlsx", String.valueOf(e.getMessage()));
    } catch (IllegalArgumentException e) {
      // POI's way of saying "not a workbook" (a renamed text file, a truncated archive)
      throw ImportErrors.refuse(name, 0, "import.error.xlsx", String.valueOf(e.getMessage()));
    }
  }

  private static String text(Cell c) {
    if (c == null) {
      return "";
    }
    CellType t =
        c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (t) {
      case NUMERIC -> {
        double d = c.getNumericCellValue();
        yield Double.isFinite(d)
            ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
            : Double.toString(d);
      }
      case STRING -> c.getStringCellValue();
      case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
      default -> "";
    };
  }
}
