package org.ewb.logic.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * A string cell's text as a reader sees it: rich-text runs printed as superscript (subscript) are
 * read back as Unicode superscript (subscript) characters where Unicode has them, so "τ" + raised
 * "2" reads "τ²" again.
 */
final class XlsxText {

  private static final String SUPER_PLAIN = "0123456789+-=()niabcdefghjklmoprstuvwxyz";
  private static final String SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ";
  private static final String SUB_PLAIN = "0123456789+-=()aeoxhklmnpst";
  private static final String SUB = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ";

  private XlsxText() {}

  static String of(Cell cell) {
    if (cell == null || cell.getCellType() != CellType.STRING) {
      return cell == null ? "" : cell.toString();
    }
    XSSFRichTextString rich = ((XSSFCell) cell).getRichStringCellValue();
    String s = rich.getString();
    if (rich.numFormattingRuns() == 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < rich.numFormattingRuns(); i++) {
      int start = rich.getIndexOfFormattingRun(i);
      int end = start + rich.getLengthOfFormattingRun(i);
      XSSFFont f = rich.getFontOfFormattingRun(i);
      short offset = f == null ? Font.SS_NONE : f.getTypeOffset();
      String run = s.substring(start, end);
      b.append(
          offset == Font.SS_SUPER
              ? map(run, SUPER_PLAIN, SUPER)
              : offset == Font.SS_SUB ? map(run, SUB_PLAIN, SUB) : run);
    }
    return b.toString();
  }

  private static String map(String run, String from, String to) {
    StringBuilder b = new StringBuilder();
    for (char ch : run.toCharArray()) {
      int k = from.indexOf(ch);
      b.append(k < 0 ? ch : to.charAt(k));
    }
    return b.toString();
  }
}
