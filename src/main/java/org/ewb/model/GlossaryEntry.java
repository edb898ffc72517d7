package org.ewb.model;

/**
 * One abbreviation of the project's glossary and what it stands for in English and Chinese; the
 * export lists the abbreviations a table uses in one alphabetical "Abbreviations:" footnote.
 */
public record GlossaryEntry(String abbreviation, String en, String zh) {

  public GlossaryEntry {
    abbreviation = Study.nz(abbreviation).strip();
    en = Study.nz(en).strip();
    zh = Study.nz(zh).strip();
    if (abbreviation.isEmpty()) {
      throw new IllegalArgumentException("a glossary entry needs an abbreviation");
    }
  }

  public String expansion(String lang) {
    return Bilingual.pick(lang, en, zh);
  }
}
