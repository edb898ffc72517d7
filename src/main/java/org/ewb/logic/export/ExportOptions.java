package org.ewb.logic.export;

import java.util.EnumSet;
import java.util.Set;
import org.ewb.model.WorkbenchException;

/**
 * What to export: which tables, the characteristics table's layout (by name; null or blank = all
 * fields), and the language of headers and notes ("en" or "zh").
 */
public record ExportOptions(Set<TableKind> tables, String layoutName, String lang) {

  public ExportOptions {
    tables =
        tables == null || tables.isEmpty()
            ? EnumSet.allOf(TableKind.class)
            : EnumSet.copyOf(tables);
    layoutName = layoutName == null ? "" : layoutName.strip();
    lang = lang == null || lang.isBlank() ? "en" : lang.strip();
    if (!lang.equals("en") && !lang.equals("zh")) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, "Language '" + lang + "' is not supported; use en or zh");
    }
  }

  /** Every table, all fields, English. */
  public static ExportOptions defaults() {
    return new ExportOptions(null, null, "en");
  }
}
