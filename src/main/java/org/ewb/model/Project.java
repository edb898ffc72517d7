package org.ewb.model;

import java.time.Instant;

/** Project-level metadata of one review (one {@code *.ewb} file). */
public record Project(
    String title,
    String reviewQuestion,
    String reviewers,
    Instant created,
    Instant modified,
    int schemaVersion) {

  public Project {
    title = title == null ? "" : title;
    reviewQuestion = reviewQuestion == null ? "" : reviewQuestion;
    reviewers = reviewers == null ? "" : reviewers;
  }

  public Project withTitle(String newTitle) {
    return new Project(newTitle, reviewQuestion, reviewers, created, modified, schemaVersion);
  }
}
