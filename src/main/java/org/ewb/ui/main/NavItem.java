package org.ewb.ui.main;

/** A node of the navigator: what it shows and, for outcomes and time points, which one. */
public record NavItem(Kind kind, long id, long subId, String text) {

  public NavItem(Kind kind, long id, String text) {
    this(kind, id, 0, text);
  }

  /** The kinds of navigator nodes; each has its own centre view. */
  public enum Kind {
    STUDIES,
    CHARACTERISTICS,
    OUTCOMES,
    OUTCOME,
    TIME_POINT,
    PROBLEMS,
    ANALYSES
  }

  @Override
  public String toString() {
    return text;
  }
}
