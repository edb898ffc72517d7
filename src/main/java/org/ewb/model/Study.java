package org.ewb.model;

/**
 * One study of the review: its bibliographic data and status. {@code id} is the stable database id
 * (0 for a study not yet stored); {@code key} is a stable text slug (e.g. {@code
 * hu2013_wjmsc_t1d}).
 */
public record Study(
    long id,
    String key,
    String label,
    String authors,
    Integer year,
    String title,
    String journal,
    String doi,
    String pmid,
    String registration,
    String country,
    String design,
    String notes,
    StudyStatus status,
    int displayOrder) {

  public Study {
    key = nz(key);
    label = nz(label);
    authors = nz(authors);
    title = nz(title);
    journal = nz(journal);
    doi = nz(doi);
    pmid = nz(pmid);
    registration = nz(registration);
    country = nz(country);
    design = nz(design);
    notes = nz(notes);
    status = status == null ? StudyStatus.INCLUDED : status;
  }

  /** A new, not yet stored study with just a key and a label. */
  public static Study of(String key, String label) {
    return new Study(
        0, key, label, "", null, "", "", "", "", "", "", "", "", StudyStatus.INCLUDED, 0);
  }

  public Study withId(long newId) {
    return new Study(
        newId,
        key,
        label,
        authors,
        year,
        title,
        journal,
        doi,
        pmid,
        registration,
        country,
        design,
        notes,
        status,
        displayOrder);
  }

  public Study withLabel(String newLabel) {
    return new Study(
        id,
        key,
        newLabel,
        authors,
        year,
        title,
        journal,
        doi,
        pmid,
        registration,
        country,
        design,
        notes,
        status,
        displayOrder);
  }

  public Study withStatus(StudyStatus newStatus) {
    return new Study(
        id,
        key,
        label,
        authors,
        year,
        title,
        journal,
        doi,
        pmid,
        registration,
        country,
        design,
        notes,
        newStatus,
        displayOrder);
  }

  public Study withDisplayOrder(int order) {
    return new Study(
        id,
        key,
        label,
        authors,
        year,
        title,
        journal,
        doi,
        pmid,
        registration,
        country,
        design,
        notes,
        status,
        order);
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
