package org.ewb.model;

/**
 * One bibliographic record (a publication) of a study. A study may have several: the trial's main
 * report, its protocol, a conference abstract, a duplicate merged on import. The study's own
 * authors / year / title are the reviewer's summary; these records keep each source as imported.
 * Lists (authors, keywords) are joined with {@code "; "}.
 */
public record StudyReference(
    long id,
    long studyId,
    String authors,
    Integer year,
    String title,
    String journal,
    String volume,
    String issue,
    String pages,
    String doi,
    String pmid,
    String registration,
    String abstractText,
    String keywords,
    String language,
    String source,
    int displayOrder) {

  public StudyReference {
    authors = Study.nz(authors);
    title = Study.nz(title);
    journal = Study.nz(journal);
    volume = Study.nz(volume);
    issue = Study.nz(issue);
    pages = Study.nz(pages);
    doi = Study.nz(doi);
    pmid = Study.nz(pmid);
    registration = Study.nz(registration);
    abstractText = Study.nz(abstractText);
    keywords = Study.nz(keywords);
    language = Study.nz(language);
    source = Study.nz(source);
  }

  public StudyReference withStudy(long newStudyId, int order) {
    return new StudyReference(
        id,
        newStudyId,
        authors,
        year,
        title,
        journal,
        volume,
        issue,
        pages,
        doi,
        pmid,
        registration,
        abstractText,
        keywords,
        language,
        source,
        order);
  }

  public StudyReference withId(long newId) {
    return new StudyReference(
        newId,
        studyId,
        authors,
        year,
        title,
        journal,
        volume,
        issue,
        pages,
        doi,
        pmid,
        registration,
        abstractText,
        keywords,
        language,
        source,
        displayOrder);
  }
}
