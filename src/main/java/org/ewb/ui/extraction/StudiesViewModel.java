package org.ewb.ui.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import org.ewb.logic.extraction.Edit;
import org.ewb.logic.extraction.Edits;
import org.ewb.logic.extraction.ProjectCache;
import org.ewb.model.Arm;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.WorkbenchException;
import org.ewb.ui.main.MainViewModel;

/**
 * The Studies page: the study list edited in place (label, year, country, design, status), and the
 * arms of the selected study (label, role, intervention, number randomised). Every change is an
 * {@link Edit} performed through the project's undo history.
 */
public final class StudiesViewModel implements PlainSheetModel<Study> {

  public static final int LABEL = 0;
  public static final int YEAR = 1;
  public static final int COUNTRY = 2;
  public static final int DESIGN = 3;
  public static final int STATUS = 4;

  private final MainViewModel main;
  private final CharacteristicsViewModel studies;
  private final Arms arms = new Arms();

  public StudiesViewModel(MainViewModel main) {
    this.main = main;
    this.studies = new CharacteristicsViewModel(main);
  }

  private ProjectCache p() {
    ProjectCache p = main.project();
    if (p == null) {
      throw new WorkbenchException(WorkbenchException.Kind.USAGE, lang("error.noProject"));
    }
    return p;
  }

  public ObservableList<Study> rows() {
    return main.studies();
  }

  public MainViewModel main() {
    return main;
  }

  /** The arms grid of the selected study. */
  public Arms arms() {
    return arms;
  }

  public Study addStudy(String label) {
    return studies.addStudy(label);
  }

  public Study duplicateStudy(Study s) {
    return studies.duplicateStudy(s);
  }

  public void deleteStudy(Study s) {
    studies.deleteStudy(s);
  }

  public void updateStudy(Study s) {
    studies.updateStudy(s);
  }

  // ---- SheetModel ----

  @Override
  public String text(Study s, int column) {
    return switch (column) {
      case LABEL -> s.label();
      case YEAR -> s.year() == null ? "" : s.year().toString();
      case COUNTRY -> s.country();
      case DESIGN -> s.design();
      case STATUS -> CharacteristicsViewModel.statusText(s.status());
      default -> "";
    };
  }

  @Override
  public List<String> choices(Study row, int column) {
    return column == STATUS
        ? List.of(StudyStatus.values()).stream().map(CharacteristicsViewModel::statusText).toList()
        : List.of();
  }

  @Override
  public String place(Study row, int column) {
    String[] keys = {"study.label", "study.year", "study.country", "study.design", "study.status"};
    return row.label() + " \u00b7 " + lang(keys[column]);
  }

  @Override
  public void commit(List<CellChange<Study>> changes, String description) {
    ProjectCache p = p();
    Map<Long, Study> changed = new LinkedHashMap<>();
    for (CellChange<Study> c : changes) {
      Study s = changed.getOrDefault(c.row().id(), p.study(c.row().id()).orElseThrow());
      changed.put(s.id(), with(s, c.column(), c.text() == null ? "" : c.text().strip()));
    }
    List<Edit> edits = new ArrayList<>();
    for (Study s : changed.values()) {
      if (!p.study(s.id()).orElseThrow().equals(s)) {
        edits.add(Edits.updateStudy(p, s));
      }
    }
    main.history().performAll(description, edits, p);
  }

  /** A study with one of its list cells changed; a value that does not fit is refused. */
  static Study with(Study s, int column, String t) {
    Integer year = s.year();
    String country = s.country();
    String design = s.design();
    StudyStatus status = s.status();
    String label = s.label();
    switch (column) {
      case LABEL -> {
        if (t.isEmpty()) {
          throw new WorkbenchException(
              WorkbenchException.Kind.DATA, lang("invalid.emptyLabel", s.label()));
        }
        label = t;
      }
      case YEAR -> {
        if (t.isEmpty()) {
          year = null;
        } else if (t.matches("\\d{4}")) {
          year = Integer.valueOf(t);
        } else {
          throw new WorkbenchException(
              WorkbenchException.Kind.DATA, lang("invalid.year", t, s.label()));
        }
      }
      case COUNTRY -> country = t;
      case DESIGN -> design = t;
      case STATUS ->
          status =
              CharacteristicsViewModel.parseStatus(t)
                  .orElseThrow(
                      () ->
                          new WorkbenchException(
                              WorkbenchException.Kind.DATA, lang("invalid.status", t, s.label())));
      default -> {}
    }
    return new Study(
        s.id(),
        s.key(),
        label,
        s.authors(),
        year,
        s.title(),
        s.journal(),
        s.doi(),
        s.pmid(),
        s.registration(),
        country,
        design,
        s.notes(),
        status,
        s.displayOrder());
  }

  @Override
  public java.util.Optional<org.ewb.logic.extraction.Edit> undo() {
    return main.history().undo(p());
  }

  @Override
  public java.util.Optional<org.ewb.logic.extraction.Edit> redo() {
    return main.history().redo(p());
  }

  /** The arms of the selected study as a grid: label, role, intervention, number randomised. */
  public final class Arms implements PlainSheetModel<Arm> {
    public static final int ARM_LABEL = 0;
    public static final int ROLE = 1;
    public static final int INTERVENTION = 2;
    public static final int RANDOMISED = 3;

    @Override
    public String text(Arm a, int column) {
      return switch (column) {
        case ARM_LABEL -> a.label();
        case ROLE -> ArmRoles.text(a.role());
        case INTERVENTION -> a.intervention();
        case RANDOMISED -> a.randomised() == null ? "" : a.randomised().toString();
        default -> "";
      };
    }

    @Override
    public List<String> choices(Arm row, int column) {
      return column == ROLE ? ArmRoles.choices() : List.of();
    }

    @Override
    public String place(Arm row, int column) {
      String[] keys = {"arm.label", "arm.role", "arm.intervention", "arm.randomised"};
      return row.label() + " \u00b7 " + lang(keys[column]);
    }

    @Override
    public void commit(List<CellChange<Arm>> changes, String description) {
      ProjectCache p = p();
      Map<Long, Arm> changed = new LinkedHashMap<>();
      for (CellChange<Arm> c : changes) {
        Arm a = changed.getOrDefault(c.row().id(), p.arm(c.row().id()).orElseThrow());
        Study s = p.study(a.studyId()).orElseThrow();
        String t = c.text() == null ? "" : c.text().strip();
        Arm after =
            switch (c.column()) {
              case ARM_LABEL -> ArmCells.with(a, ArmCells.LABEL, t, s);
              case ROLE -> ArmCells.with(a, ArmCells.ROLE, t, s);
              case RANDOMISED -> ArmCells.with(a, ArmCells.RANDOMISED, t, s);
              default ->
                  new Arm(
                      a.id(),
                      a.studyId(),
                      a.label(),
                      a.role(),
                      t,
                      a.randomised(),
                      a.displayOrder());
            };
        changed.put(a.id(), after);
      }
      List<Edit> edits = new ArrayList<>();
      for (Arm a : changed.values()) {
        if (!p.arm(a.id()).orElseThrow().equals(a)) {
          edits.add(Edits.updateArm(p, a));
        }
      }
      main.history().performAll(description, edits, p);
    }

    @Override
    public java.util.Optional<org.ewb.logic.extraction.Edit> undo() {
      return main.history().undo(p());
    }

    @Override
    public java.util.Optional<org.ewb.logic.extraction.Edit> redo() {
      return main.history().redo(p());
    }

    /** Adds an arm to a study (role by {@link ArmRoles#forNewArm} unless given). */
    public Arm add(Study s, String label, org.ewb.model.ArmRole role) {
      ProjectCache p = p();
      var e =
          Edits.addArm(
              p, s.id(), label, role != null ? role : ArmRoles.forNewArm(p.armsOf(s.id())));
      main.history().perform(e, p);
      return e.entity();
    }

    public void remove(Arm a) {
      ProjectCache p = p();
      main.history().perform(Edits.deleteArm(p, a.id()), p);
    }
  }
}
