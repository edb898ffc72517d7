package org.ewb.logic.importing;

import java.util.List;
import org.ewb.model.StudyReference;

/**
 * The bibliographic records of the studies (table {@code study_reference}, schema version 6). A
 * port of its own beside {@link org.ewb.logic.project.ProjectRepository} so that importing adds no
 * methods to the main repository; the SQLite store implements both. Calls join the repository's
 * transaction ({@link org.ewb.logic.project.ProjectRepository#inTransaction}).
 */
public interface ReferenceStore {

  /** Stores a new record of an existing study; returns it with its id. */
  StudyReference insertReference(StudyReference reference);

  /** Every record, by study and display order. */
  List<StudyReference> references();

  /** The records of one study, in display order. */
  default List<StudyReference> referencesOf(long studyId) {
    return references().stream().filter(r -> r.studyId() == studyId).toList();
  }
}
