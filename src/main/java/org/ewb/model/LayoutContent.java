package org.ewb.model;

import java.util.List;
import java.util.Optional;

/**
 * What table layouts hold beyond their choice of columns: per-layout printed values, headings and
 * print options, and the project's glossary of abbreviations.
 */
public record LayoutContent(
    List<LayoutCell> cells,
    List<LayoutColumn> columns,
    List<LayoutOptions> options,
    List<GlossaryEntry> glossary) {

  public static final LayoutContent EMPTY =
      new LayoutContent(List.of(), List.of(), List.of(), List.of());

  public LayoutContent {
    cells = List.copyOf(cells);
    columns = List.copyOf(columns);
    options = List.copyOf(options);
    glossary = List.copyOf(glossary);
  }

  public List<LayoutCell> cellsOf(long layoutId) {
    return cells.stream().filter(c -> c.layoutId() == layoutId).toList();
  }

  public List<LayoutColumn> columnsOf(long layoutId) {
    return columns.stream().filter(c -> c.layoutId() == layoutId).toList();
  }

  public LayoutOptions optionsOf(long layoutId) {
    Optional<LayoutOptions> o = options.stream().filter(x -> x.layoutId() == layoutId).findFirst();
    return o.orElseGet(() -> LayoutOptions.defaults(layoutId));
  }
}
