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

  /** Collects the fields of a record while a file is read. */
  public static final class Builder {
    public String authors = "";
    public String year = "";
    public String title = "";
    public String journal = "";
    public String volume = "";
    public String issue = "";
    public String pages = "";
    public String doi = "";
    public String pmid = "";

    /** The record (study id 0) with {@code source} naming the file. */
    public StudyReference build(String source, int order) {
      Integer y = null;
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}").matcher(year);
      if (m.find()) {
        y = Integer.parseInt(m.group());
      }
      return new StudyReference(
          0, 0, authors, y, title, journal, volume, issue, pages, doi, pmid, "", "", "", "", source,
          order);
    }
  }
}
