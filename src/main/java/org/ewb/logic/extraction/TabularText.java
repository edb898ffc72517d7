package org.ewb.logic.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Tab-separated blocks as spreadsheets put them on the clipboard (Excel, LibreOffice Calc): rows
 * end with a newline, cells are separated by tabs, and a cell holding a tab, newline or quote is
 * quoted with doubled inner quotes.
 */
public final class TabularText {

  private TabularText() {}

  /** Parses a block; a trailing newline does not make an extra empty row. */
  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return rows;
    }
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = text.length();
    boolean cellStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (cellStart && c == '"') {
        // quoted cell: read to the closing quote, "" is one quote
        i++;
        while (i < n) {
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          cell.append(q);
          i++;
        }
        cellStart = false;
        continue;
      }
      cellStart = false;
      if (c == '\t') {
        row.add(cell.toString());
        cell.setLength(0);
        cellStart = true;
      } else if (c == '\r' || c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        cellStart = true;
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        cell.append(c);
      }
      i++;
    }
    if (!cellStart || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }

  /** Formats a block for the clipboard, quoting cells that need it. */
  public static String format(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int j = 0; j < row.size(); j++) {
        if (j > 0) {
          sb.append('\t');
        }
        String v = row.get(j) == null ? "" : row.get(j);
        if (v.indexOf('\t') >= 0
            || v.indexOf('\n') >= 0
            || v.indexOf('\r') >= 0
            || v.startsWith("\"")) {
          sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
          sb.append(v);
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
