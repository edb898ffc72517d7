package org.ewb.persistence;

import java.nio.file.Path;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.WorkbenchException;

/** SQLite project file (*.ewb). (Skeleton: the persistence feature implements it.) */
public final class SqliteProjectStore {

  private SqliteProjectStore() {}

  public static ProjectRepository open(Path file) {
    throw new WorkbenchException(WorkbenchException.Kind.FILE, "not implemented yet: " + file);
  }

  public static ProjectRepository create(Path file, String title) {
    throw new WorkbenchException(WorkbenchException.Kind.FILE, "not implemented yet: " + file);
  }
}
