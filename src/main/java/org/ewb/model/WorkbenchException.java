package org.ewb.model;

/**
 * The one application exception: its message is written for the reviewer and names the place and
 * the problem ("Study 'Hu 2013', HbA1c, control, 12 months: SD = -1 must be > 0"). {@link Kind}
 * tells the command line which exit code to use.
 */
public class WorkbenchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, for exit codes and dialogs. */
  public enum Kind {
    /** Bad arguments or options. */
    USAGE,
    /** A file that cannot be read, is not a project, is corrupt, or is of a newer version. */
    FILE,
    /** Data that cannot be analysed as asked. */
    DATA
  }

  private final Kind kind;

  public WorkbenchException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public WorkbenchException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
