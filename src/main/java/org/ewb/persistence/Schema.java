package org.ewb.persistence;

import java.util.List;

/**
 * The project file's schema: the initial (version 1) DDL and the migration steps after it. A new
 * file is made by running version 1 and then every step, so the migration path is exercised on
 * every {@code create}, not only on old files. See ADR 0010.
 *
 * <p>Cell columns ({@code n}, {@code mean}, ...) are declared without a type on purpose: a column
 * with no declared type has no affinity, so SQLite keeps what we store exactly (INTEGER, REAL or
 * TEXT) instead of coercing {@code "12.50"} to {@code 12.5}. See {@link CellCodec}.
 */
final class Schema {

  /**
   * {@code PRAGMA application_id}: "EWB1" in ASCII, marks the file as an Evidence Workbench
   * project.
   */
  static final int APPLICATION_ID = 0x45574231;

  /** The value of {@code meta.format}. */
  static final String FORMAT = "evidence-workbench-project";

  /** The schema version this build writes ({@code PRAGMA user_version}). */
  static final int CURRENT_VERSION = 7;

  private static final String PROV =
      "prov_source TEXT CHECK (prov_source IN ('TABLE','FIGURE','PAGE','TEXT')),"
          + " prov_location TEXT NOT NULL DEFAULT '',"
          + " prov_quote TEXT NOT NULL DEFAULT '',"
          + " prov_note TEXT NOT NULL DEFAULT ''";

  /** Version 1: the first released layout. Never edit it; add a migration step instead. */
  static final List<String> V1 =
      List.of(
          "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
          "CREATE TABLE project (id INTEGER PRIMARY KEY CHECK (id = 1),"
              + " title TEXT NOT NULL DEFAULT '', review_question TEXT NOT NULL DEFAULT '',"
              + " reviewers TEXT NOT NULL DEFAULT '', created TEXT, modified TEXT)",
          "CREATE TABLE study (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " key TEXT NOT NULL DEFAULT '', label TEXT NOT NULL DEFAULT '',"
              + " authors TEXT NOT NULL DEFAULT '', year INTEGER, title TEXT NOT NULL DEFAULT '',"
              + " journal TEXT NOT NULL DEFAULT '', doi TEXT NOT NULL DEFAULT '',"
              + " pmid TEXT NOT NULL DEFAULT '', registration TEXT NOT NULL DEFAULT '',"
              + " country TEXT NOT NULL DEFAULT '', design TEXT NOT NULL DEFAULT '',"
              + " notes TEXT NOT NULL DEFAULT '',"
              + " status TEXT NOT NULL DEFAULT 'INCLUDED'"
              + " CHECK (status IN ('INCLUDED','EXCLUDED','RELATED_REVIEW')),"
              + " display_order INTEGER NOT NULL DEFAULT 0)",
          "CREATE TABLE field (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,"
              + " label_en TEXT NOT NULL DEFAULT '', label_zh TEXT NOT NULL DEFAULT '',"
              + " type TEXT NOT NULL DEFAULT 'TEXT'"
              + " CHECK (type IN ('TEXT','INTEGER','DECIMAL','CHOICE','DATE')),"
              + " unit TEXT NOT NULL DEFAULT '',"
              + " choices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices)),"
              + " group_en TEXT NOT NULL DEFAULT '', group_zh TEXT NOT NULL DEFAULT '',"
              + " display_order INTEGER NOT NULL DEFAULT 0)",
          "CREATE TABLE characteristic_value ("
              + " study_id INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,"
              + " field_id INTEGER NOT NULL REFERENCES field(id) ON DELETE CASCADE,"
              + " value, "
              + PROV
              + ", PRIMARY KEY (study_id, field_id))",
          "CREATE INDEX characteristic_value_field ON characteristic_value(field_id)",
          "CREATE TABLE arm (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " study_id INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,"
              + " label TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT 'OTHER'"
              + " CHECK (role IN ('EXPERIMENTAL','CONTROL','OTHER')),"
              + " intervention TEXT NOT NULL DEFAULT '', randomised INTEGER,"
              + " display_order INTEGER NOT NULL DEFAULT 0, UNIQUE (id, study_id))",
          "CREATE INDEX arm_study ON arm(study_id)",
          "CREATE TABLE outcome (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " name TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'CONTINUOUS'"
              + " CHECK (kind IN ('CONTINUOUS','DICHOTOMOUS','GENERIC')),"
              + " unit TEXT NOT NULL DEFAULT '',"
              + " lower_is_better INTEGER NOT NULL DEFAULT 0 CHECK (lower_is_better IN (0, 1)),"
              + " display_order INTEGER NOT NULL DEFAULT 0)",
          "CREATE TABLE time_point (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " outcome_id INTEGER NOT NULL REFERENCES outcome(id) ON DELETE CASCADE,"
              + " months REAL NOT NULL, label TEXT NOT NULL DEFAULT '', UNIQUE (id, outcome_id))",
          "CREATE INDEX time_point_outcome ON time_point(outcome_id)",
          // (arm_id, study_id) and (time_point_id, outcome_id) are composite foreign keys, so a
          // measurement's arm belongs to its study and its time point to its outcome; deleting a
          // study
          // or an outcome cascades through its arms / time points.
          "CREATE TABLE measurement (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " study_id INTEGER NOT NULL, outcome_id INTEGER NOT NULL,"
              + " arm_id INTEGER NOT NULL, time_point_id INTEGER NOT NULL,"
              + " n, mean, sd, events, total,"
              + " se, ci_lower, ci_upper, median, q1, q3, min, max, percent_change, "
              + PROV
              + ","
              + " UNIQUE (arm_id, time_point_id),"
              + " FOREIGN KEY (arm_id, study_id) REFERENCES arm(id, study_id) ON DELETE CASCADE,"
              + " FOREIGN KEY (time_point_id, outcome_id) REFERENCES time_point(id, outcome_id)"
              + " ON DELETE CASCADE)",
          "CREATE INDEX measurement_time_point ON measurement(time_point_id)",
          "CREATE TABLE generic_estimate (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " study_id INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,"
              + " outcome_id INTEGER NOT NULL, time_point_id INTEGER NOT NULL,"
              + " effect, se, measure TEXT NOT NULL DEFAULT '', "
              + PROV
              + ","
              + " UNIQUE (study_id, time_point_id),"
              + " FOREIGN KEY (time_point_id, outcome_id) REFERENCES time_point(id, outcome_id)"
              + " ON DELETE CASCADE)",
          "CREATE INDEX generic_estimate_time_point ON generic_estimate(time_point_id)",
          "CREATE TABLE table_layout (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " name TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',"
              + " title_zh TEXT NOT NULL DEFAULT '',"
              + " field_keys TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(field_keys)),"
              + " footnote_en TEXT NOT NULL DEFAULT '', footnote_zh TEXT NOT NULL DEFAULT '')");

  /** One step from {@code toVersion - 1} to {@code toVersion}. */
  record Migration(int toVersion, String description, List<String> statements) {}

  /** Every step after version 1, in order. */
  static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              2,
              "saved analyses; how a mean/SD was derived from the reported form",
              List.of(
                  "CREATE TABLE saved_analysis (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                      + " name TEXT NOT NULL DEFAULT '',"
                      + " settings_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings_json)),"
                      + " display_order INTEGER NOT NULL DEFAULT 0)",
                  "ALTER TABLE measurement ADD COLUMN derivation TEXT NOT NULL DEFAULT ''")),
          new Migration(
              3,
              "table layouts may choose and order their rows by a field",
              List.of(
                  "ALTER TABLE table_layout ADD COLUMN row_field_key TEXT NOT NULL DEFAULT ''")),
          new Migration(
              4,
              "outcomes: Chinese name, default effect measure, decimals shown",
              List.of(
                  "ALTER TABLE outcome ADD COLUMN name_zh TEXT NOT NULL DEFAULT ''",
                  "ALTER TABLE outcome ADD COLUMN default_measure TEXT NOT NULL DEFAULT ''",
                  "ALTER TABLE outcome ADD COLUMN decimals INTEGER"
                      + " CHECK (decimals IS NULL OR decimals BETWEEN 0 AND 10)")),
          new Migration(
              5,
              "per-layout printed values, headings and print options; glossary (ADR 0120)",
              List.of(
                  // no foreign key to table_layout: putLayout replaces its row (INSERT OR
                  // REPLACE), which must not cascade; deleteLayout deletes these rows itself
                  "CREATE TABLE layout_options (layout_id INTEGER PRIMARY KEY,"
                      + " table_number INTEGER NOT NULL DEFAULT 0 CHECK (table_number >= 0),"
                      + " number_column INTEGER NOT NULL DEFAULT 1 CHECK (number_column IN (0, 1)),"
                      + " paper TEXT NOT NULL DEFAULT 'A4' CHECK (paper IN ('A4','LETTER')),"
                      + " landscape INTEGER NOT NULL DEFAULT 1 CHECK (landscape IN (0, 1)))",
                  "CREATE TABLE layout_column (layout_id INTEGER NOT NULL,"
                      + " column_key TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
                      + " heading_en TEXT NOT NULL DEFAULT '', heading_zh TEXT NOT NULL DEFAULT '',"
                      + " group_en TEXT NOT NULL DEFAULT '', group_zh TEXT NOT NULL DEFAULT '',"
                      + " PRIMARY KEY (layout_id, column_key))",
                  "CREATE TABLE layout_cell (layout_id INTEGER NOT NULL,"
                      + " study_id INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,"
                      + " column_key TEXT NOT NULL,"
                      + " value_en TEXT NOT NULL DEFAULT '', value_zh TEXT NOT NULL DEFAULT '', "
                      + PROV
                      + ", note_en TEXT NOT NULL DEFAULT '', note_zh TEXT NOT NULL DEFAULT '',"
                      + " PRIMARY KEY (layout_id, study_id, column_key))",
                  "CREATE INDEX layout_cell_study ON layout_cell(study_id)",
                  "CREATE TABLE glossary (abbreviation TEXT PRIMARY KEY,"
                      + " en TEXT NOT NULL DEFAULT '', zh TEXT NOT NULL DEFAULT '')")),
          new Migration(
              6,
              "bibliographic records of studies (import of reference files)",
              List.of(
                  "CREATE TABLE study_reference (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                      + " study_id INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,"
                      + " authors TEXT NOT NULL DEFAULT '', year INTEGER,"
                      + " title TEXT NOT NULL DEFAULT '', journal TEXT NOT NULL DEFAULT '',"
                      + " volume TEXT NOT NULL DEFAULT '', issue TEXT NOT NULL DEFAULT '',"
                      + " pages TEXT NOT NULL DEFAULT '', doi TEXT NOT NULL DEFAULT '',"
                      + " pmid TEXT NOT NULL DEFAULT '', registration TEXT NOT NULL DEFAULT '',"
                      + " abstract TEXT NOT NULL DEFAULT '', keywords TEXT NOT NULL DEFAULT '',"
                      + " language TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',"
                      + " display_order INTEGER NOT NULL DEFAULT 0)",
                  "CREATE INDEX study_reference_study ON study_reference(study_id)")),
          new Migration(
              7,
              "Chinese text of characteristic values (bilingual text fields, ADR 0123)",
              List.of(
                  "ALTER TABLE characteristic_value ADD COLUMN value_zh TEXT NOT NULL DEFAULT ''")));

  private Schema() {}
}
