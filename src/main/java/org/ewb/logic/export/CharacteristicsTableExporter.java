package org.ewb.logic.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TableLayout;
import org.ewb.model.WorkbenchException;

/**
 * Builds the "characteristics of included studies" table as published: a numbered row per included
 * study in display order, the columns a {@link TableLayout} chooses (or every field), a two-level
 * header whose upper cells are the fields' heading groups, and footnotes (the layout's own, then
 * the abbreviations that occur in the table).
 */
public final class CharacteristicsTableExporter {

  /** One column: a characteristic field or a study attribute. */
  private record Column(String upper, String lower, CharacteristicField field, StudyColumn study) {}

  private CharacteristicsTableExporter() {}

  /**
   * The table for {@code layout} (all fields in display order, after the study label, if empty)
   * with headers in {@code lang} ("en" or "zh").
   *
   * @throws WorkbenchException (DATA) if the layout names a field the project does not have
   */
  public static ExportTable build(ProjectData data, Optional<TableLayout> layout, String lang) {
    Locale loc = Localization.forLanguage(lang);
    List<Column> columns = columns(data, layout, lang, loc);

    boolean grouped = columns.stream().anyMatch(c -> !c.upper().isEmpty());
    int headerRows = grouped ? 2 : 1;
    int ncols = columns.size() + 1;
    List<HeaderCell> header = new ArrayList<>();
    header.add(new HeaderCell(Localization.lang(loc, "export.column.no"), 0, 0, headerRows, 1));
    for (int i = 0; i < columns.size(); ) {
      Column c = columns.get(i);
      if (c.upper().isEmpty()) {
        header.add(new HeaderCell(c.lower(), 0, i + 1, headerRows, 1));
        i++;
        continue;
      }
      // consecutive fields of one group share one merged upper cell
      int j = i;
      while (j < columns.size() && columns.get(j).upper().equals(c.upper())) {
        header.add(new HeaderCell(columns.get(j).lower(), 1, j + 1, 1, 1));
        j++;
      }
      header.add(new HeaderCell(c.upper(), 0, i + 1, 1, j - i));
      i = j;
    }

    Map<Long, Map<Long, String>> values = new HashMap<>();
    for (CharacteristicValue v : data.values()) {
      values.computeIfAbsent(v.studyId(), k -> new HashMap<>()).put(v.fieldId(), v.value());
    }
    List<Study> included =
        data.studies().stream()
            .filter(s -> s.status() == StudyStatus.INCLUDED)
            .sorted(Comparator.comparingInt(Study::displayOrder))
            .toList();
    List<List<ExportCell>> rows = new ArrayList<>(included.size());
    int no = 0;
    for (Study s : included) {
      List<ExportCell> row = new ArrayList<>(ncols);
      row.add(ExportCell.integer(++no));
      Map<Long, String> sv = values.getOrDefault(s.id(), Map.of());
      for (Column c : columns) {
        if (c.study() != null) {
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
    List<String> footnotes = new ArrayList<>();
    String layoutNote = layout.map(l -> pick(lang, l.footnoteZh(), l.footnoteEn())).orElse("");
    for (String line : layoutNote.split("\\R")) {
      if (!line.isBlank()) {
        footnotes.add(line.strip());
      }
    }
    List<String> texts = new ArrayList<>();
    header.forEach(h -> texts.add(h.text()));
    rows.forEach(r -> r.forEach(cell -> texts.add(cell.text())));
    String abbr = abbreviationNote(texts, layoutNote, lang, loc);
    if (!abbr.isEmpty()) {
      footnotes.add(abbr);
    }
    return new ExportTable(
        "characteristics",
        Localization.lang(loc, "export.characteristics.sheet"),
        title,
        headerRows,
        ncols,
        header,
        rows,
        footnotes,
        List.of(0));
  }

  /**
   * "Abbreviations: BMI, body mass index; ..." for the glossary entries found in {@code texts} that
   * the layout's own footnote does not already explain, or "".
   */
  static String abbreviationNote(List<String> texts, String layoutNote, String lang, Locale loc) {
    List<Abbreviations.Entry> found = new ArrayList<>(Abbreviations.foundIn(texts));
    found.removeIf(e -> e.pattern().matcher(layoutNote).find());
    if (found.isEmpty()) {
      return "";
    }
    String sep = "zh".equals(lang) ? "；" : "; ";
    String list =
        found.stream()
            .map(e -> e.abbreviation() + ("zh".equals(lang) ? "：" : ", ") + e.expansion(lang))
            .collect(Collectors.joining(sep));
    return Localization.lang(loc, "export.footnote.abbreviations", list);
  }

  private static List<Column> columns(
      ProjectData data, Optional<TableLayout> layout, String lang, Locale loc) {
    List<Column> out = new ArrayList<>();
    if (layout.isEmpty()) {
      out.add(new Column("", StudyColumn.LABEL.label(loc), null, StudyColumn.LABEL));
      data.fields().stream()
          .sorted(Comparator.comparingInt(CharacteristicField::displayOrder))
          .forEach(f -> out.add(fieldColumn(f, lang)));
      return out;
    }
    Map<String, CharacteristicField> byKey = new HashMap<>();
    data.fields().forEach(f -> byKey.put(f.key(), f));
    for (String key : layout.get().fieldKeys()) {
      CharacteristicField f = byKey.get(key);
      if (f != null) {
        out.add(fieldColumn(f, lang));
        continue;
      }
      Optional<StudyColumn> sc = StudyColumn.byKey(key);
      if (sc.isPresent()) {
        out.add(new Column("", sc.get().label(loc), null, sc.get()));
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
    return new Column(f.group(lang), label, f, null);
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
