package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.ewb.logic.extraction.Edit;
import org.ewb.logic.extraction.Edits;
import org.ewb.logic.extraction.FieldValidator;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.Provenance;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.MainViewModel;

/**
 * The characteristics grid: one row per study, column 0 the study label, column 1 its status, then
 * one column per characteristic field. Every change becomes an {@link Edit} from logic, performed
 * through the project's undo history (so it is stored at once and undoable).
 */
public final class CharacteristicsViewModel implements SheetModel<Study> {

  public static final int LABEL = 0;
  public static final int STATUS = 1;
  public static final int FIRST_FIELD = 2;

  private final MainViewModel main;
  private final StringProperty filter = new SimpleStringProperty("");
  private final FilteredList<Study> filtered;
  private final SortedList<Study> sorted;
  private final ObservableList<CharacteristicField> fields = FXCollections.observableArrayList();

  public CharacteristicsViewModel(MainViewModel main) {
    this.main = main;
    filtered = new FilteredList<>(main.studies());
    sorted = new SortedList<>(filtered);
    filter.addListener((o, a, b) -> applyFilter());
    refreshFields();
  }

  private ProjectCache p() {
    ProjectCache p = main.project();
    if (p == null) {
      throw new WorkbenchException(WorkbenchException.Kind.USAGE, lang("error.noProject"));
    }
    return p;
  }

  /** Re-reads the field list; returns whether it changed (the view then rebuilds columns). */
  public boolean refreshFields() {
    List<CharacteristicField> now = main.project() == null ? List.of() : main.project().fields();
    if (now.equals(fields)) {
      return false;
    }
    fields.setAll(now);
    return true;
  }

  public ObservableList<CharacteristicField> fields() {
    return fields;
  }

  /** The rows as shown (filtered, sortable by the table). */
  public SortedList<Study> rows() {
    return sorted;
  }

  public StringProperty filterProperty() {
    return filter;
  }

  private void applyFilter() {
    String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    if (f.isEmpty()) {
      filtered.setPredicate(null);
      return;
    }
    filtered.setPredicate(
        s -> {
          if (s.label().toLowerCase(Locale.ROOT).contains(f)
              || statusText(s.status()).toLowerCase(Locale.ROOT).contains(f)) {
            return true;
          }
          return main.project() != null
              && main.project().valuesOf(s.id()).values().stream()
                  .anyMatch(
                      v ->
                          v.value().toLowerCase(Locale.ROOT).contains(f)
                              || v.valueZh().toLowerCase(Locale.ROOT).contains(f));
        });
  }

  /** Re-applies the filter after values changed. */
  public void refilter() {
    applyFilter();
  }

  public CharacteristicField field(int column) {
    return fields.get(column - FIRST_FIELD);
  }

  /** Column header text of a field (label in the current language, with its unit). */
  public static String title(CharacteristicField f) {
    String label = f.label(Localization.language());
    return f.unit().isEmpty() ? label : label + " (" + f.unit() + ")";
  }

  public static String statusText(StudyStatus s) {
    return lang("status." + s.name().toLowerCase(Locale.ROOT));
  }

  /** Reads a status typed or pasted in either language, or as its English constant name. */
  static Optional<StudyStatus> parseStatus(String text) {
    String t = text.strip();
    for (StudyStatus s : StudyStatus.values()) {
      if (t.equalsIgnoreCase(s.name())
          || t.equalsIgnoreCase(s.name().replace('_', ' '))
          || t.equalsIgnoreCase(lang(Locale.ENGLISH, "status." + s.name().toLowerCase(Locale.ROOT)))
          || t.equals(lang(Localization.CHINESE, "status." + s.name().toLowerCase(Locale.ROOT)))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  // ---- SheetModel ----

  @Override
  public String text(Study row, int column) {
    if (column == LABEL) {
      return row.label();
    }
    if (column == STATUS) {
      return statusText(row.status());
    }
    if (main.project() == null || column - FIRST_FIELD >= fields.size()) {
      return "";
    }
    return main.project().value(row.id(), field(column).id()).text(Localization.language());
  }

  /** Whether a column holds a text field, whose values have an English and a Chinese text. */
  public boolean isBilingual(int column) {
    return column >= FIRST_FIELD
        && column - FIRST_FIELD < fields.size()
        && field(column).type() == FieldType.TEXT;
  }

  @Override
  public Optional<String[]> untranslated(Study row, int column) {
    if (!isBilingual(column) || main.project() == null) {
      return Optional.empty();
    }
    String lang = Localization.language();
    if (!main.project().value(row.id(), field(column).id()).missing(lang)) {
      return Optional.empty();
    }
    return Optional.of(
        new String[] {lang("grid.untranslated.tag." + lang), lang("grid.untranslated." + lang)});
  }

  @Override
  public Optional<String> otherLanguageText(Study row, int column) {
    if (!isBilingual(column) || main.project() == null) {
      return Optional.empty();
    }
    String other = org.ewb.model.Bilingual.other(Localization.language());
    return Optional.of(main.project().value(row.id(), field(column).id()).stored(other));
  }

  /** The text stored for the window's language (for text fields; no fallback to the other). */
  private String stored(ProjectCache p, long studyId, int column) {
    CharacteristicValue v = p.value(studyId, field(column).id());
    if (!isBilingual(column)) {
      return v.value();
    }
    String lang = Localization.language();
    // a text without letters is shown in both languages, so it is also what each one holds
    return v.missing(lang) || !v.stored(lang).isEmpty() ? v.stored(lang) : v.text(lang);
  }

  @Override
  public boolean isEditable(Study row, int column) {
    return true;
  }

  @Override
  public Optional<String> problem(Study row, int column) {
    if (column < FIRST_FIELD) {
      return Optional.empty();
    }
    return FieldValidator.problem(field(column), text(row, column));
  }

  @Override
  public Provenance provenance(Study row, int column) {
    if (column < FIRST_FIELD || main.project() == null) {
      return Provenance.NONE;
    }
    return main.project().value(row.id(), field(column).id()).provenance();
  }

  @Override
  public boolean hasProvenanceSlot(Study row, int column) {
    return column >= FIRST_FIELD;
  }

  @Override
  public void setProvenance(Study row, int column, Provenance provenance) {
    if (column < FIRST_FIELD) {
      return;
    }
    CharacteristicField f = field(column);
    ProjectCache p = p();
    main.history()
        .perform(Edits.putValue(p, p.value(row.id(), f.id()).withProvenance(provenance)), p);
  }

  @Override
  public List<String> choices(Study row, int column) {
    if (column == STATUS) {
      return List.of(StudyStatus.values()).stream()
          .map(CharacteristicsViewModel::statusText)
          .toList();
    }
    if (column >= FIRST_FIELD) {
      return field(column).choices();
    }
    return List.of();
  }

  @Override
  public String place(Study row, int column) {
    String col =
        column == LABEL
            ? lang("study.label")
            : column == STATUS ? lang("study.status") : title(field(column));
    return row.label() + " \u00b7 " + col;
  }

  @Override
  public void commit(List<CellChange<Study>> changes, String description) {
    ProjectCache p = p();
    List<Edit> edits = new ArrayList<>();
    // study-level cells of one study are merged, so two changes to a study do not overwrite each
    // other
    Map<Long, Study> studies = new LinkedHashMap<>();
    for (CellChange<Study> c : changes) {
      long id = c.row().id();
      String text = c.text() == null ? "" : c.text();
      if (c.column() == LABEL || c.column() == STATUS) {
        Study current = studies.getOrDefault(id, p.study(id).orElseThrow());
        if (c.column() == LABEL) {
          if (text.isBlank()) {
            throw new WorkbenchException(
                WorkbenchException.Kind.DATA, lang("invalid.emptyLabel", current.label()));
          }
          current = current.withLabel(text.strip());
        } else {
          String label = current.label();
          StudyStatus s =
              parseStatus(text)
                  .orElseThrow(
                      () ->
                          new WorkbenchException(
                              WorkbenchException.Kind.DATA, lang("invalid.status", text, label)));
          current = current.withStatus(s);
        }
        studies.put(id, current);
      } else {
        CharacteristicField f = field(c.column());
        // a text field stores what is typed as the window language's text; a cell showing the
        // other language's text (no translation yet) takes what is committed, even the same text
        if (!stored(p, id, c.column()).equals(text.strip())) {
          edits.add(Edits.setValue(p, id, f.id(), Localization.language(), text));
        }
      }
    }
    for (Study s : studies.values()) {
      if (!p.study(s.id()).orElseThrow().equals(s)) {
        edits.add(Edits.updateStudy(p, s));
      }
    }
    main.history().performAll(description, edits, p);
  }

  @Override
  public Optional<int[]> locate(Edit edit, List<Study> rows) {
    if (OutcomeViewModel.first(edit) instanceof Edits.ValueEdit v) {
      for (int r = 0; r < rows.size(); r++) {
        if (rows.get(r).id() == v.after().studyId()) {
          for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).id() == v.after().fieldId()) {
              return Optional.of(new int[] {r, FIRST_FIELD + i});
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public java.util.Optional<org.ewb.logic.extraction.Edit> undo() {
    return main.history().undo(p());
  }

  @Override
  public java.util.Optional<org.ewb.logic.extraction.Edit> redo() {
    return main.history().redo(p());
  }

  // ---- structural changes ----

  /** Adds a study at the end; returns it. */
  public Study addStudy(String label) {
    ProjectCache p = p();
    Edits.InsertStudy e = Edits.addStudy(p, uniqueKey(p, label), label);
    main.history().perform(e, p);
    return e.study();
  }

  public Study duplicateStudy(Study s) {
    ProjectCache p = p();
    Edits.InsertStudy e = Edits.duplicateStudy(p, s.id(), uniqueKey(p, s.label() + " copy"));
    main.history().perform(e, p);
    return e.study();
  }

  public void deleteStudy(Study s) {
    ProjectCache p = p();
    main.history().perform(Edits.deleteStudy(p, s.id()), p);
  }

  /** Stores edited bibliographic details. */
  public void updateStudy(Study s) {
    ProjectCache p = p();
    if (!p.study(s.id()).orElseThrow().equals(s)) {
      main.history().perform(Edits.updateStudy(p, s), p);
    }
  }

  public CharacteristicField addField(CharacteristicField f) {
    ProjectCache p = p();
    String key =
        f.key().isBlank() ? slug(f.labelEn().isBlank() ? f.labelZh() : f.labelEn()) : f.key();
    String unique = key;
    for (int i = 2; keyTaken(p, unique); i++) {
      unique = key + "_" + i;
    }
    CharacteristicField keyed =
        new CharacteristicField(
            0,
            unique,
            f.labelEn(),
            f.labelZh(),
            f.type(),
            f.unit(),
            f.choices(),
            f.groupEn(),
            f.groupZh(),
            f.displayOrder());
    var e = Edits.addField(p, keyed);
    main.history().perform(e, p);
    return e.entity();
  }

  public void updateField(CharacteristicField f) {
    ProjectCache p = p();
    main.history().perform(Edits.updateField(p, f), p);
  }

  public void deleteField(CharacteristicField f) {
    ProjectCache p = p();
    main.history().perform(Edits.deleteField(p, f.id()), p);
  }

  /** Moves a field by {@code delta} places (negative: left). */
  public void moveField(CharacteristicField f, int delta) {
    ProjectCache p = p();
    int index = p.fields().indexOf(p.field(f.id()).orElseThrow());
    main.history().perform(Edits.moveField(p, f.id(), index + delta), p);
  }

  private static boolean keyTaken(ProjectCache p, String key) {
    return p.fields().stream().anyMatch(x -> x.key().equals(key));
  }

  private static String uniqueKey(ProjectCache p, String label) {
    String base = slug(label);
    String key = base;
    for (int i = 2; keyUsedByStudy(p, key); i++) {
      key = base + "_" + i;
    }
    return key;
  }

  private static boolean keyUsedByStudy(ProjectCache p, String key) {
    return p.studies().stream().anyMatch(s -> s.key().equals(key));
  }

  /** A stable text key from a label: ASCII letters and digits joined by underscores. */
  static String slug(String label) {
    String ascii =
        Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_")
            .replaceAll("^_|_$", "");
    return ascii.isEmpty() ? "item" : ascii;
  }
}
