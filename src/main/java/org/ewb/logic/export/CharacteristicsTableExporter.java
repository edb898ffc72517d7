package org.ewb.logic.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.GlossaryEntry;
import org.ewb.model.LayoutCell;
import org.ewb.model.LayoutColumn;
import org.ewb.model.LayoutContent;
import org.ewb.model.LayoutOptions;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TableLayout;
import org.ewb.model.WorkbenchException;

/**
 * Builds the "characteristics of included studies" table as published: a numbered row per included
 * study in display order (or, if the layout has a row key, the rows that field chooses, in its
 * order, numbered with its values), the columns a {@link TableLayout} chooses (or every field), a
 * two-level header whose upper cells are the fields' heading groups, and footnotes (the layout's
 * own, then the abbreviations that occur in the table).
 */
public final class CharacteristicsTableExporter {

  /** One table row: its study and the cell of the numbering column. */
  private record NumberedStudy(Study study, ExportCell number) {}

  /** One column: a characteristic field or a study attribute, under the key the layout names. */
  private record Column(
      String key, String upper, String lower, CharacteristicField field, StudyColumn study) {}

  private CharacteristicsTableExporter() {}

  /**
   * The table for {@code layout} (all fields in display order, after the study label, if empty)
   * with headers in {@code lang} ("en" or "zh").
   *
   * @throws WorkbenchException (DATA) if the layout names a field the project does not have
   */
  public static ExportTable build(ProjectData data, Optional<TableLayout> layout, String lang) {
    Locale loc = Localization.forLanguage(lang);
    LayoutContent content = data.layoutContent();
    LayoutOptions options =
        layout.map(l -> content.optionsOf(l.id())).orElse(LayoutOptions.defaults(0));
    Map<String, LayoutColumn> printed = new HashMap<>();
    layout.ifPresent(l -> content.columnsOf(l.id()).forEach(c -> printed.put(c.column(), c)));
    List<Column> columns = columns(data, layout, printed, lang, loc);

    boolean grouped = columns.stream().anyMatch(c -> !c.upper().isEmpty());
    int headerRows = grouped ? 2 : 1;
    int first = options.numberColumn() ? 1 : 0;
    int ncols = columns.size() + first;
    List<HeaderCell> header = new ArrayList<>();
    if (first == 1) {
      LayoutColumn no = printed.get(LayoutColumn.NUMBER);
      String noText =
          no != null && !no.heading(lang).isEmpty()
              ? no.heading(lang)
              : Localization.lang(loc, "export.column.no");
      header.add(new HeaderCell(noText, 0, 0, headerRows, 1));
    }
    for (int i = 0; i < columns.size(); ) {
      Column c = columns.get(i);
      if (c.upper().isEmpty()) {
        header.add(new HeaderCell(c.lower(), 0, i + first, headerRows, 1));
        i++;
        continue;
      }
      // consecutive fields of one group share one merged upper cell
      int j = i;
      while (j < columns.size() && columns.get(j).upper().equals(c.upper())) {
        header.add(new HeaderCell(columns.get(j).lower(), 1, j + first, 1, 1));
        j++;
      }
      header.add(new HeaderCell(c.upper(), 0, i + first, 1, j - i));
      i = j;
    }

    Map<Long, Map<Long, String>> values = new HashMap<>();
    for (CharacteristicValue v : data.values()) {
      // a text field's text in the table's language, else the other one (ADR 0123)
      values.computeIfAbsent(v.studyId(), k -> new HashMap<>()).put(v.fieldId(), v.text(lang));
    }
    Map<Long, Map<String, LayoutCell>> printedCells = new HashMap<>();
    layout.ifPresent(
        l ->
            content
                .cellsOf(l.id())
                .forEach(
                    c ->
                        printedCells
                            .computeIfAbsent(c.studyId(), k -> new HashMap<>())
                            .put(c.column(), c)));
    List<Study> included =
        data.studies().stream()
            .filter(s -> s.status() == StudyStatus.INCLUDED)
            .sorted(Comparator.comparingInt(Study::displayOrder))
            .toList();
    List<NumberedStudy> numbered = rows(data, layout, included, values);
    List<List<ExportCell>> rows = new ArrayList<>(numbered.size());
    // each distinct note gets a mark a, b, ... in the order it is first met (row by row)
    Map<String, String> marks = new LinkedHashMap<>();
    for (NumberedStudy ns : numbered) {
      Study s = ns.study();
      List<ExportCell> row = new ArrayList<>(ncols);
      if (first == 1) {
        row.add(ns.number());
      }
      Map<Long, String> sv = values.getOrDefault(s.id(), Map.of());
      Map<String, LayoutCell> pc = printedCells.getOrDefault(s.id(), Map.of());
      for (Column c : columns) {
        LayoutCell cell = pc.get(c.key());
        if (cell != null) {
          ExportCell ec = printedCell(cell.value(lang));
          String note = cell.note(lang);
          if (!note.isEmpty()) {
            String mark = marks.computeIfAbsent(note, n -> RichText.superMark(marks.size()));
            ec = ec.withMarker(mark);
          }
          row.add(ec);
        } else if (c.study() != null) {
          String v = c.study().value(s);
          row.add(c.study().numeric() ? ExportCell.typed(v, false) : ExportCell.text(v));
        } else {
          String v = sv.getOrDefault(c.field().id(), "");
          FieldType type = c.field().type();
          boolean numeric = type == FieldType.INTEGER || type == FieldType.DECIMAL;
          row.add(numeric ? ExportCell.typed(v, false) : ExportCell.text(v.strip()));
        }
      }
      rows.add(row);
    }

    String title = layout.map(l -> pick(lang, l.titleZh(), l.titleEn())).orElse("");
    if (title.isEmpty()) {
      title = Localization.lang(loc, "export.characteristics.title");
    }
    String label =
        options.tableNumber() > 0
            ? Localization.lang(loc, "export.table.number", Integer.toString(options.tableNumber()))
            : "";
    String fullTitle =
        label.isEmpty() ? title : Localization.lang(loc, "export.table.title", label, title);
    List<String> footnotes = new ArrayList<>();
    String layoutNote = layout.map(l -> pick(lang, l.footnoteZh(), l.footnoteEn())).orElse("");
    for (String line : layoutNote.split("\\R")) {
      if (!line.isBlank()) {
        footnotes.add(line.strip());
      }
    }
    List<String> texts = new ArrayList<>();
    texts.add(title);
    header.forEach(h -> texts.add(h.text()));
    // author names are initials ("Li L R", "Zhao Y"), not abbreviations to explain
    for (List<ExportCell> r : rows) {
      for (int c = 0; c < r.size(); c++) {
        if (c < first || !columns.get(c - first).key().contains("author")) {
          texts.add(r.get(c).text());
        }
      }
    }
    String abbr = abbreviationNote(texts, layoutNote, content.glossary(), lang, loc);
    if (!abbr.isEmpty()) {
      footnotes.add(abbr);
    }
    marks.forEach((note, mark) -> footnotes.add(mark + " " + note));
    return new ExportTable(
        "characteristics",
        Localization.lang(loc, "export.characteristics.sheet"),
        fullTitle,
        headerRows,
        ncols,
        header,
        rows,
        footnotes,
        first == 1 ? List.of(0) : List.of(),
        label,
        1,
        new ExportTable.PageSpec(options.paper(), options.landscape()));
  }

  /**
   * A value as a table prints it: a number cell when it is a plain decimal number ("24", "28.1"),
   * so that it sorts and aligns as a number; text otherwise ("≈ 3", "52.9 ± 10.5").
   */
  static ExportCell printedCell(String value) {
    String v = value.strip();
    if (ExportCell.isPlainDecimal(v)) {
      return ExportCell.typed(v, false);
    }
    return ExportCell.text(v);
  }

  /**
   * The rows: every included study numbered 1..n, or, when the layout has a row key, the included
   * studies with a value in that field, ordered by it (numerically when every value is a plain
   * number; ties keep display order) and numbered with it.
   */
  private static List<NumberedStudy> rows(
      ProjectData data,
      Optional<TableLayout> layout,
      List<Study> included,
      Map<Long, Map<Long, String>> values) {
    if (layout.isEmpty() || !layout.get().hasRowKey()) {
      List<NumberedStudy> out = new ArrayList<>(included.size());
      int no = 0;
      for (Study s : included) {
        out.add(new NumberedStudy(s, ExportCell.integer(++no)));
      }
      return out;
    }
    String key = layout.get().rowFieldKey();
    CharacteristicField field =
        data.fields().stream()
            .filter(f -> f.key().equals(key))
            .findFirst()
            .orElseThrow(
                () ->
                    new WorkbenchException(
                        WorkbenchException.Kind.DATA,
                        "Table layout '"
                            + layout.get().name()
                            + "' takes its rows from field '"
                            + key
                            + "', which the project does not have. Fields: "
                            + data.fields().stream()
                                .map(CharacteristicField::key)
                                .collect(Collectors.joining(", "))));
    List<Study> chosen = new ArrayList<>();
    Map<Long, String> keyOf = new HashMap<>();
    for (Study s : included) {
      String v = values.getOrDefault(s.id(), Map.of()).getOrDefault(field.id(), "").strip();
      if (!v.isEmpty()) {
        chosen.add(s);
        keyOf.put(s.id(), v);
      }
    }
    boolean numeric = keyOf.values().stream().allMatch(ExportCell::isPlainDecimal);
    Comparator<Study> order =
        numeric
            ? Comparator.comparing(s -> new BigDecimal(keyOf.get(s.id())))
            : Comparator.comparing(s -> keyOf.get(s.id()));
    // List.sort is stable, so equal keys keep display order
    chosen.sort(order);
    List<NumberedStudy> out = new ArrayList<>(chosen.size());
    for (Study s : chosen) {
      String v = keyOf.get(s.id());
      out.add(new NumberedStudy(s, numeric ? ExportCell.typed(v, false) : ExportCell.text(v)));
    }
    return out;
  }

  /**
   * "Abbreviations: BMI, body mass index; ..." for the abbreviations found in {@code texts},
   * alphabetical, from the project's glossary (or the built-in one when the project has none),
   * leaving out those the layout's own footnote already explains; or "".
   */
  static String abbreviationNote(
      List<String> texts,
      String layoutNote,
      List<GlossaryEntry> glossary,
      String lang,
      Locale loc) {
    List<Abbreviations.Entry> found =
        new ArrayList<>(
            glossary.isEmpty()
                ? Abbreviations.foundIn(texts)
                : Abbreviations.foundIn(texts, Abbreviations.entries(glossary)));
    found.removeIf(e -> e.pattern().matcher(layoutNote).find());
    if (found.isEmpty()) {
      return "";
    }
    String sep = "zh".equals(lang) ? "；" : "; ";
    String list =
        found.stream()
            .map(e -> e.abbreviation() + ("zh".equals(lang) ? "，" : ", ") + e.expansion(lang))
            .collect(Collectors.joining(sep));
    return Localization.lang(loc, "export.footnote.abbreviations", list);
  }

  /** {@link #abbreviationNote(List, String, List, String, Locale)} with the built-in glossary. */
  static String abbreviationNote(List<String> texts, String layoutNote, String lang, Locale loc) {
    return abbreviationNote(texts, layoutNote, List.of(), lang, loc);
  }

  private static List<Column> columns(
      ProjectData data,
      Optional<TableLayout> layout,
      Map<String, LayoutColumn> printed,
      String lang,
      Locale loc) {
    List<Column> out = new ArrayList<>();
    if (layout.isEmpty()) {
      out.add(
          new Column(
              StudyColumn.LABEL.key(), "", StudyColumn.LABEL.label(loc), null, StudyColumn.LABEL));
      data.fields().stream()
          .sorted(Comparator.comparingInt(CharacteristicField::displayOrder))
          .forEach(f -> out.add(fieldColumn(f, lang)));
      return out;
    }
    boolean ownHeadings = !printed.isEmpty();
    Map<String, CharacteristicField> byKey = new HashMap<>();
    data.fields().forEach(f -> byKey.put(f.key(), f));
    for (String key : layout.get().fieldKeys()) {
      CharacteristicField f = byKey.get(key);
      Optional<StudyColumn> sc = f == null ? StudyColumn.byKey(key) : Optional.empty();
      if (f != null || sc.isPresent()) {
        Column c =
            f != null
                ? fieldColumn(f, lang)
                : new Column(key, "", sc.get().label(loc), null, sc.get());
        if (ownHeadings) {
          // a layout with its own headings has group headings only where it defines them
          LayoutColumn p = printed.get(key);
          String heading = p == null || p.heading(lang).isEmpty() ? c.lower() : p.heading(lang);
          c = new Column(key, p == null ? "" : p.group(lang), heading, c.field(), c.study());
        }
        out.add(c);
        continue;
      }
      throw new WorkbenchException(
          WorkbenchException.Kind.DATA,
          "Table layout '"
              + layout.get().name()
              + "' names field '"
              + key
              + "', which the project does not have. Fields: "
              + data.fields().stream()
                  .map(CharacteristicField::key)
                  .collect(Collectors.joining(", ")));
    }
    return out;
  }

  private static Column fieldColumn(CharacteristicField f, String lang) {
    String label = f.label(lang);
    String unit = unit(f.unit(), lang);
    if (!unit.isEmpty() && !label.contains(unit) && !label.contains(f.unit())) {
      label = label + ("zh".equals(lang) ? "（" + unit + "）" : " (" + unit + ")");
    }
    return new Column(f.key(), f.group(lang), label, f, null);
  }

  /** Time units are words and are translated; other units (kg/m², %) are the same in both. */
  static String unit(String unit, String lang) {
    if (!"zh".equals(lang)) {
      return unit;
    }
    return switch (unit.strip().toLowerCase(Locale.ROOT)) {
      case "months", "month", "mo" -> "月";
      case "years", "year", "y" -> "年";
      case "weeks", "week", "wk" -> "周";
      case "days", "day", "d" -> "天";
      default -> unit;
    };
  }

  private static String pick(String lang, String zh, String en) {
    if ("zh".equals(lang)) {
      return zh.isEmpty() ? en : zh;
    }
    return en.isEmpty() ? zh : en;
  }
}
