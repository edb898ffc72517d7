package org.ewb.testing;

import java.nio.file.Path;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.ProjectData;
import org.ewb.persistence.SqliteProjectStore;

/** Writes in-memory test projects into real project files (keeping every id). */
public final class ProjectFiles {

  private ProjectFiles() {}

  /** Copies a project into a new file and returns the open store. */
  public static SqliteProjectStore write(ProjectData d, Path file) {
    SqliteProjectStore store = SqliteProjectStore.create(file, d.project().title());
    copy(d, store);
    return store;
  }

  public static void copy(ProjectData d, ProjectRepository r) {
    r.inTransaction(
        () -> {
          d.studies().forEach(r::insertStudy);
          d.fields().forEach(r::insertField);
          d.values().forEach(r::putValue);
          d.arms().forEach(r::insertArm);
          d.outcomes().forEach(r::insertOutcome);
          d.timePoints().forEach(r::insertTimePoint);
          d.measurements().forEach(r::putMeasurement);
          d.genericEstimates().forEach(r::putGenericEstimate);
        });
  }

  /** {@code java ... org.ewb.testing.ProjectFiles out.ewb}: writes the small test project. */
  public static void main(String[] args) {
    try (SqliteProjectStore s = write(FakeRepositories.sample().snapshot(), Path.of(args[0]))) {
      s.project();
    }
  }
}
