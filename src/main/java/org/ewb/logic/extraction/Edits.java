package org.ewb.logic.extraction;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.Bilingual;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;

/**
 * The change records of data extraction. Each factory reads the "before" state it needs from the
 * open project ({@link ProjectCache}) and returns an {@link Edit} that is not applied yet; pass it
 * to {@link UndoHistory#perform}. Deleting edits keep everything that hangs on the deleted entity
 * so that undo restores it with the same ids.
 */
public final class Edits {

  private Edits() {}

  // ---- cells ----

  /** Sets a characteristic value's (English or only) text, keeping its provenance. */
  public static Edit setValue(ProjectCache p, long studyId, long fieldId, String text) {
    return setValue(p, studyId, fieldId, "en", text);
  }

  /**
   * Sets a characteristic value's text in {@code lang} ("zh" = the Chinese text of a text field,
   * else the English one), keeping the other language's text and the provenance. Fields that are
   * not text have one language-neutral value, so {@code lang} is ignored for them.
   */
  public static Edit setValue(
      ProjectCache p, long studyId, long fieldId, String lang, String text) {
    CharacteristicValue before = p.value(studyId, fieldId);
    boolean bilingual =
        p.field(fieldId).map(f -> f.type() == org.ewb.model.FieldType.TEXT).orElse(false);
    String t = text == null ? "" : text;
    CharacteristicValue after;
    if (!bilingual) {
      after = before.withText("en", t);
    } else if (!Bilingual.hasLetters(t)
        && !Bilingual.hasLetters(before.stored(Bilingual.other(lang)))) {
      // "42", "24–44", "> 12": the same in both languages, kept once (as the English text)
      after = before.withText("en", t).withText("zh", "");
    } else {
      after = before.withText(lang, t);
    }
    return new ValueEdit(before, after, lang("edit.value"));
  }

  /** Replaces a characteristic value (text and provenance). */
  public static Edit putValue(ProjectCache p, CharacteristicValue after) {
    return new ValueEdit(p.value(after.studyId(), after.fieldId()), after, lang("edit.value"));
  }

  /** Replaces the measurement of (study, outcome, arm, time point); {@code after} may be empty. */
  public static Edit putMeasurement(ProjectCache p, Measurement after) {
    Measurement before =
        p.measurement(after.studyId(), after.outcomeId(), after.armId(), after.timePointId())
            .orElse(
                new Measurement(
                    0,
                    after.studyId(),
                    after.outcomeId(),
                    after.armId(),
                    after.timePointId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "",
                    null));
    return new MeasurementEdit(before, after);
  }

  /** Replaces the generic estimate of (study, outcome, time point). */
  public static Edit putEstimate(ProjectCache p, GenericEstimate after) {
    GenericEstimate before =
        p.estimate(after.studyId(), after.outcomeId(), after.timePointId())
            .orElse(
                new GenericEstimate(
                    0,
                    after.studyId(),
                    after.outcomeId(),
                    after.timePointId(),
                    null,
                    null,
                    "",
                    null));
    return new EstimateEdit(before, after);
  }

  /** Several edits as one step (a paste, fill down, clearing a range). */
  public static CompoundEdit group(String description, List<? extends Edit> edits) {
    return new CompoundEdit(description, edits);
  }

  // ---- studies ----

  public static Edit updateStudy(ProjectCache p, Study after) {
    Study before =
        p.study(after.id()).orElseThrow(() -> new IllegalArgumentException("no such study"));
    return new Replace<>(
        before, after, ProjectRepository::updateStudy, lang("edit.study.update", after.label()));
  }

  /** Adds a study (with no arms) at the end of the list. */
  public static InsertStudy addStudy(ProjectCache p, String key, String label) {
    int order = p.studies().stream().mapToInt(Study::displayOrder).max().orElse(0) + 1;
    Study s = Study.of(key, label).withDisplayOrder(order);
    return new InsertStudy(
        new StudyContent(s, List.of(), List.of(), List.of(), List.of()),
        lang("edit.study.add", label));
  }

  /** Adds a copy of a study (bibliographic data, characteristics, arms; not outcome data). */
  public static InsertStudy duplicateStudy(ProjectCache p, long studyId, String newKey) {
    StudyContent c = StudyContent.of(p, studyId);
    int order = p.studies().stream().mapToInt(Study::displayOrder).max().orElse(0) + 1;
    String label = lang("edit.study.copyLabel", c.study().label());
    return new InsertStudy(
        c.asNewCopy(newKey, label, order), lang("edit.study.duplicate", c.study().label()));
  }

  /** Deletes a study with its arms, values, measurements and estimates (undo restores all). */
  public static Edit deleteStudy(ProjectCache p, long studyId) {
    StudyContent c = StudyContent.of(p, studyId);
    return new InverseEdit(new InsertStudy(c, ""), lang("edit.study.delete", c.study().label()));
  }

  // ---- fields ----

  public static Inserting<CharacteristicField> addField(ProjectCache p, CharacteristicField f) {
    int order = p.fields().stream().mapToInt(CharacteristicField::displayOrder).max().orElse(0) + 1;
    CharacteristicField withOrder =
        new CharacteristicField(
            0,
            f.key(),
            f.labelEn(),
            f.labelZh(),
            f.type(),
            f.unit(),
            f.choices(),
            f.groupEn(),
            f.groupZh(),
            f.displayOrder() != 0 ? f.displayOrder() : order);
    return new Inserting<>(
        withOrder,
        ProjectRepository::insertField,
        CharacteristicField::withId,
        CharacteristicField::id,
        (r, x) -> r.deleteField(x.id()),
        lang("edit.field.add", f.labelEn()));
  }

  /** Renames, retypes, regroups or re-units a field. */
  public static Edit updateField(ProjectCache p, CharacteristicField after) {
    CharacteristicField before =
        p.field(after.id()).orElseThrow(() -> new IllegalArgumentException("no such field"));
    return new Replace<>(
        before, after, ProjectRepository::updateField, lang("edit.field.update", after.labelEn()));
  }

  /** Moves a field to a new position among the fields (0-based). */
  public static CompoundEdit moveField(ProjectCache p, long fieldId, int newIndex) {
    List<CharacteristicField> order = new ArrayList<>(p.fields());
    CharacteristicField moving =
        order.stream().filter(f -> f.id() == fieldId).findFirst().orElseThrow();
    order.remove(moving);
    order.add(Math.max(0, Math.min(newIndex, order.size())), moving);
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      CharacteristicField f = order.get(i);
      if (f.displayOrder() != i + 1) {
        edits.add(
            new Replace<>(
                f,
                new CharacteristicField(
                    f.id(),
                    f.key(),
                    f.labelEn(),
                    f.labelZh(),
                    f.type(),
                    f.unit(),
                    f.choices(),
                    f.groupEn(),
                    f.groupZh(),
                    i + 1),
                ProjectRepository::updateField,
                ""));
      }
    }
    return new CompoundEdit(lang("edit.field.move", moving.labelEn()), edits);
  }

  /** Deletes a field and its values (undo restores both). */
  public static Edit deleteField(ProjectCache p, long fieldId) {
    CharacteristicField f =
        p.field(fieldId).orElseThrow(() -> new IllegalArgumentException("no such field"));
    List<CharacteristicValue> values = p.valuesOfField(fieldId);
    Inserting<CharacteristicField> insert =
        new Inserting<>(
            f,
            (r, x) -> {
              CharacteristicField stored = r.insertField(x);
              values.forEach(r::putValue);
              return stored;
            },
            CharacteristicField::withId,
            CharacteristicField::id,
            (r, x) -> r.deleteField(x.id()),
            "");
    return new InverseEdit(insert, lang("edit.field.delete", f.labelEn()));
  }

  // ---- arms ----

  public static Inserting<Arm> addArm(ProjectCache p, long studyId, String label) {
    return addArm(p, studyId, label, null);
  }

  /** Adds an arm with a role (null: "other") after the study's last arm. */
  public static Inserting<Arm> addArm(
      ProjectCache p, long studyId, String label, org.ewb.model.ArmRole role) {
    int order = p.armsOf(studyId).stream().mapToInt(Arm::displayOrder).max().orElse(0) + 1;
    return new Inserting<>(
        new Arm(0, studyId, label, role, "", null, order),
        ProjectRepository::insertArm,
        Arm::withId,
        Arm::id,
        (r, x) -> r.deleteArm(x.id()),
        lang("edit.arm.add", label));
  }

  public static Edit updateArm(ProjectCache p, Arm after) {
    Arm before = p.arm(after.id()).orElseThrow(() -> new IllegalArgumentException("no such arm"));
    return new Replace<>(
        before, after, ProjectRepository::updateArm, lang("edit.arm.update", after.label()));
  }

  /** Removes an arm and its measurements (undo restores both). */
  public static Edit deleteArm(ProjectCache p, long armId) {
    Arm a = p.arm(armId).orElseThrow(() -> new IllegalArgumentException("no such arm"));
    List<Measurement> ms = p.measurementsOfArm(armId);
    Inserting<Arm> insert =
        new Inserting<>(
            a,
            (r, x) -> {
              Arm stored = r.insertArm(x);
              ms.forEach(r::putMeasurement);
              return stored;
            },
            Arm::withId,
            Arm::id,
            (r, x) -> r.deleteArm(x.id()),
            "");
    return new InverseEdit(insert, lang("edit.arm.delete", a.label()));
  }

  // ---- outcomes and time points ----

  public static Inserting<Outcome> addOutcome(ProjectCache p, Outcome o) {
    int order = p.outcomes().stream().mapToInt(Outcome::displayOrder).max().orElse(0) + 1;
    return new Inserting<>(
        o.withId(0).withDisplayOrder(order),
        ProjectRepository::insertOutcome,
        Outcome::withId,
        Outcome::id,
        (r, x) -> r.deleteOutcome(x.id()),
        lang("edit.outcome.add", o.name()));
  }

  /** Renames an outcome or changes its kind, unit, direction, default measure or decimals. */
  public static Edit updateOutcome(ProjectCache p, Outcome after) {
    Outcome before =
        p.outcome(after.id()).orElseThrow(() -> new IllegalArgumentException("no such outcome"));
    if (before.kind() != after.kind() && p.hasOutcomeData(after.id())) {
      throw new org.ewb.model.WorkbenchException(
          org.ewb.model.WorkbenchException.Kind.DATA,
          lang("edit.outcome.kindHasData", before.name()));
    }
    return new Replace<>(
        before, after, ProjectRepository::updateOutcome, lang("edit.outcome.update", after.name()));
  }

  /** Moves an outcome to a new position among the outcomes (0-based). */
  public static CompoundEdit moveOutcome(ProjectCache p, long outcomeId, int newIndex) {
    List<Outcome> order = new ArrayList<>(p.outcomes());
    Outcome moving = order.stream().filter(o -> o.id() == outcomeId).findFirst().orElseThrow();
    order.remove(moving);
    order.add(Math.max(0, Math.min(newIndex, order.size())), moving);
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Outcome o = order.get(i);
      if (o.displayOrder() != i + 1) {
        edits.add(
            new Replace<>(o, o.withDisplayOrder(i + 1), ProjectRepository::updateOutcome, ""));
      }
    }
    return new CompoundEdit(lang("edit.outcome.move", moving.name()), edits);
  }

  /** Deletes an outcome with its time points and data (undo restores all, with the same ids). */
  public static Edit deleteOutcome(ProjectCache p, long outcomeId) {
    Outcome o =
        p.outcome(outcomeId).orElseThrow(() -> new IllegalArgumentException("no such outcome"));
    List<TimePoint> tps = p.timePointsOf(outcomeId);
    List<Measurement> ms = new ArrayList<>();
    List<GenericEstimate> gs = new ArrayList<>();
    for (TimePoint t : tps) {
      ms.addAll(p.measurementsOfTimePoint(t.id()));
      gs.addAll(p.estimatesOfTimePoint(t.id()));
    }
    Inserting<Outcome> insert =
        new Inserting<>(
            o,
            (r, x) -> {
              Outcome stored = r.insertOutcome(x);
              tps.forEach(r::insertTimePoint);
              ms.forEach(r::putMeasurement);
              gs.forEach(r::putGenericEstimate);
              return stored;
            },
            Outcome::withId,
            Outcome::id,
            (r, x) -> r.deleteOutcome(x.id()),
            "");
    return new InverseEdit(insert, lang("edit.outcome.delete", o.name()));
  }

  public static Inserting<TimePoint> addTimePoint(
      ProjectCache p, long outcomeId, double months, String label) {
    return new Inserting<>(
        new TimePoint(0, outcomeId, months, label),
        ProjectRepository::insertTimePoint,
        TimePoint::withId,
        TimePoint::id,
        (r, x) -> r.deleteTimePoint(x.id()),
        lang("edit.timepoint.add", label));
  }

  public static Edit updateTimePoint(ProjectCache p, TimePoint after) {
    TimePoint before =
        p.timePoint(after.id()).orElseThrow(() -> new IllegalArgumentException("no time point"));
    return new Replace<>(
        before,
        after,
        ProjectRepository::updateTimePoint,
        lang("edit.timepoint.update", after.label()));
  }

  /** Removes a time point with its measurements and estimates (undo restores all). */
  public static Edit deleteTimePoint(ProjectCache p, long timePointId) {
    TimePoint t =
        p.timePoint(timePointId).orElseThrow(() -> new IllegalArgumentException("no time point"));
    List<Measurement> ms = p.measurementsOfTimePoint(timePointId);
    List<GenericEstimate> gs = p.estimatesOfTimePoint(timePointId);
    Inserting<TimePoint> insert =
        new Inserting<>(
            t,
            (r, x) -> {
              TimePoint stored = r.insertTimePoint(x);
              ms.forEach(r::putMeasurement);
              gs.forEach(r::putGenericEstimate);
              return stored;
            },
            TimePoint::withId,
            TimePoint::id,
            (r, x) -> r.deleteTimePoint(x.id()),
            "");
    return new InverseEdit(insert, lang("edit.timepoint.delete", t.label()));
  }

  // ---- the record types ----

  /** Replaces a characteristic value. */
  public record ValueEdit(CharacteristicValue before, CharacteristicValue after, String description)
      implements Edit {
    @Override
    public void apply(ProjectRepository r) {
      r.putValue(after);
    }

    @Override
    public void revert(ProjectRepository r) {
      r.putValue(before);
    }
  }

  /** Replaces a measurement; an empty side means "no measurement". */
  public record MeasurementEdit(Measurement before, Measurement after) implements Edit {
    @Override
    public void apply(ProjectRepository r) {
      r.putMeasurement(after);
    }

    @Override
    public void revert(ProjectRepository r) {
      r.putMeasurement(before);
    }

    @Override
    public String description() {
      return lang("edit.value");
    }
  }

  /** Replaces a generic estimate. */
  public record EstimateEdit(GenericEstimate before, GenericEstimate after) implements Edit {
    @Override
    public void apply(ProjectRepository r) {
      r.putGenericEstimate(after);
    }

    @Override
    public void revert(ProjectRepository r) {
      r.putGenericEstimate(before);
    }

    @Override
    public String description() {
      return lang("edit.value");
    }
  }

  /** Replaces an entity by an updated version of itself. */
  public record Replace<T>(
      T before,
      T after,
      java.util.function.BiConsumer<ProjectRepository, T> update,
      String description)
      implements Edit {
    @Override
    public void apply(ProjectRepository r) {
      update.accept(r, after);
    }

    @Override
    public void revert(ProjectRepository r) {
      update.accept(r, before);
    }
  }

  /**
   * Inserts an entity. The id the store gives on the first apply is remembered, so a redo inserts
   * the same id again and later edits that refer to it stay valid.
   */
  public static final class Inserting<T> implements Edit {
    private T entity;
    private final java.util.function.BiFunction<ProjectRepository, T, T> insert;
    private final java.util.function.BiFunction<T, Long, T> withId;
    private final java.util.function.ToLongFunction<T> id;
    private final java.util.function.BiConsumer<ProjectRepository, T> delete;
    private final String description;

    Inserting(
        T entity,
        java.util.function.BiFunction<ProjectRepository, T, T> insert,
        java.util.function.BiFunction<T, Long, T> withId,
        java.util.function.ToLongFunction<T> id,
        java.util.function.BiConsumer<ProjectRepository, T> delete,
        String description) {
      this.entity = entity;
      this.insert = insert;
      this.withId = withId;
      this.id = id;
      this.delete = delete;
      this.description = description;
    }

    @Override
    public void apply(ProjectRepository r) {
      T stored = insert.apply(r, entity);
      entity = withId.apply(entity, id.applyAsLong(stored));
    }

    @Override
    public void revert(ProjectRepository r) {
      delete.accept(r, entity);
    }

    /** The entity as inserted (with its id once applied). */
    public T entity() {
      return entity;
    }

    @Override
    public String description() {
      return description;
    }
  }

  /** Inserts a study with its content; redo restores the same ids. */
  public static final class InsertStudy implements Edit {
    private StudyContent content;
    private final String description;

    InsertStudy(StudyContent content, String description) {
      this.content = content;
      this.description = description;
    }

    @Override
    public void apply(ProjectRepository r) {
      r.inTransaction(() -> content = content.insertInto(r));
    }

    @Override
    public void revert(ProjectRepository r) {
      r.deleteStudy(content.study().id());
    }

    /** The study as inserted (with its id once applied). */
    public Study study() {
      return content.study();
    }

    @Override
    public String description() {
      return description;
    }
  }

  /** The inverse of an inserting edit: a deletion whose undo re-inserts with the same ids. */
  record InverseEdit(Edit inner, String description) implements Edit {
    @Override
    public void apply(ProjectRepository r) {
      inner.revert(r);
    }

    @Override
    public void revert(ProjectRepository r) {
      r.inTransaction(() -> inner.apply(r));
    }
  }
}
