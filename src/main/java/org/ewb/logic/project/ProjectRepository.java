package org.ewb.logic.project;

import java.nio.file.Path;
import org.ewb.model.Arm;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.Study;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;

/**
 * An open project. Every mutating call is committed to the project file in its own transaction
 * before it returns (nothing waits for a "Save"); {@link #inTransaction} groups several edits (a
 * paste) into one. Inserts with a non-zero id keep that id, so that undo can restore a deleted
 * entity exactly. Failures throw {@link org.ewb.model.WorkbenchException}.
 *
 * <p>Implemented by {@code org.ewb.persistence}; the UI and logic see only this port.
 */
public interface ProjectRepository extends AutoCloseable {

  /** The project file. */
  Path file();

  /** A consistent snapshot of the whole project, read in one transaction. */
  ProjectData snapshot();

  /**
   * The studies in display order, without the rest of the project (the study list of a large
   * project shows quickly). Same content as {@code snapshot().studies()}.
   */
  default java.util.List<org.ewb.model.Study> studies() {
    return snapshot().studies();
  }

  /**
   * The project without its outcome data: same content as {@link #snapshot()} except that the
   * measurements and generic estimates are empty lists. Opening a large project reads this and
   * loads each outcome's data ({@link #outcomeData}) only when it is shown.
   */
  default ProjectData snapshotWithoutOutcomeData() {
    ProjectData d = snapshot();
    return new ProjectData(
        d.project(),
        d.studies(),
        d.fields(),
        d.values(),
        d.arms(),
        d.outcomes(),
        d.timePoints(),
        java.util.List.of(),
        java.util.List.of(),
        d.layouts(),
        d.analyses(),
        d.layoutContent());
  }

  /** The measurements and generic estimates of one outcome (in id order). */
  default OutcomeData outcomeData(long outcomeId) {
    ProjectData d = snapshot();
    return new OutcomeData(
        d.measurements().stream().filter(m -> m.outcomeId() == outcomeId).toList(),
        d.genericEstimates().stream().filter(g -> g.outcomeId() == outcomeId).toList());
  }

  /** The measurements and generic estimates of one study, of every outcome (in id order). */
  default OutcomeData outcomeDataOfStudy(long studyId) {
    ProjectData d = snapshot();
    return new OutcomeData(
        d.measurements().stream().filter(m -> m.studyId() == studyId).toList(),
        d.genericEstimates().stream().filter(g -> g.studyId() == studyId).toList());
  }

  /** Counts of what the project holds, without loading the measurements. */
  default ProjectSummary summary() {
    return ProjectSummary.of(snapshot());
  }

  Project project();

  void updateProject(Project project);

  Study insertStudy(Study study);

  void updateStudy(Study study);

  /** Deletes the study with its arms, characteristic values, measurements and generic estimates. */
  void deleteStudy(long studyId);

  CharacteristicField insertField(CharacteristicField field);

  void updateField(CharacteristicField field);

  /** Deletes the field and its values. */
  void deleteField(long fieldId);

  /** Stores (insert or replace) a value; an empty value with empty provenance deletes it. */
  void putValue(CharacteristicValue value);

  Arm insertArm(Arm arm);

  void updateArm(Arm arm);

  /** Deletes the arm and its measurements. */
  void deleteArm(long armId);

  Outcome insertOutcome(Outcome outcome);

  void updateOutcome(Outcome outcome);

  /** Deletes the outcome with its time points, measurements and generic estimates. */
  void deleteOutcome(long outcomeId);

  TimePoint insertTimePoint(TimePoint timePoint);

  void updateTimePoint(TimePoint timePoint);

  /** Deletes the time point and its measurements and generic estimates. */
  void deleteTimePoint(long timePointId);

  /**
   * Stores the measurement of (study, outcome, arm, time point), replacing any existing one;
   * returns it with its id. A measurement with every cell, reported form and provenance empty is
   * deleted.
   */
  Measurement putMeasurement(Measurement measurement);

  /**
   * Inserts many new measurements in one transaction (bulk import, synthetic projects); fails,
   * storing none, if one of them already exists. Ids of the stored rows are not returned. The
   * default puts them one by one; the SQLite store batches them.
   */
  default void insertMeasurements(java.util.List<Measurement> measurements) {
    inTransaction(() -> measurements.forEach(this::putMeasurement));
  }

  /** Same contract as {@link #putMeasurement} for (study, outcome, time point). */
  GenericEstimate putGenericEstimate(GenericEstimate estimate);

  TableLayout putLayout(TableLayout layout);

  void deleteLayout(long layoutId);

  /** Per-layout printed values, headings and print options, and the glossary. */
  default org.ewb.model.LayoutContent layoutContent() {
    return snapshot().layoutContent();
  }

  /**
   * Replaces everything a layout holds beyond its columns (options, printed headings, printed
   * values), in one transaction.
   *
   * @throws UnsupportedOperationException if this repository does not store layout content
   */
  default void putLayoutContent(
      org.ewb.model.LayoutOptions options,
      java.util.List<org.ewb.model.LayoutColumn> columns,
      java.util.List<org.ewb.model.LayoutCell> cells) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " does not store per-layout values");
  }

  /**
   * Stores one printed value of a layout (insert or replace); an empty cell deletes it.
   *
   * @throws UnsupportedOperationException if this repository does not store layout content
   */
  default void putLayoutCell(org.ewb.model.LayoutCell cell) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " does not store per-layout values");
  }

  /**
   * Replaces the project's glossary of abbreviations.
   *
   * @throws UnsupportedOperationException if this repository does not store a glossary
   */
  default void putGlossary(java.util.List<org.ewb.model.GlossaryEntry> entries) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " does not store a glossary");
  }

  SavedAnalysis putAnalysis(SavedAnalysis analysis);

  void deleteAnalysis(long analysisId);

  /** Runs the edits in one transaction: all are committed, or none if one throws. */
  void inTransaction(Runnable edits);

  /** Writes a consistent copy of the project to {@code target} (which must not exist). */
  void saveAs(Path target);

  /** Registers a listener called (on the calling thread) after every committed change. */
  void addChangeListener(Runnable listener);

  @Override
  void close();
}
