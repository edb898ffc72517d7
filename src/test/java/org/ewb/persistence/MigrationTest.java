package org.ewb.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.ewb.model.Measurement;
import org.ewb.model.ProjectData;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.TableLayout;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written with older schema versions (1 and 2) open, are migrated to the current version, and
 * keep their data.
 */
class MigrationTest {

  @TempDir Path dir;

  /** A version-1 file as the first release wrote it: the v1 DDL and rows in v1 columns. */
  Path v1Fixture() throws Exception {
    Path f = dir.resolve("old.ewb");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
        rs.next();
      }
      SqliteProjectStore.createSchema(c, "Old review", Instant.parse("2023-05-06T07:08:09Z"));
      st.execute("PRAGMA foreign_keys = ON");
      st.execute(
          "INSERT INTO study(id, key, label, year, status) VALUES (1, 'hu', 'Hu 2013', 2013,"
              + " 'INCLUDED')");
      st.execute("INSERT INTO arm(id, study_id, label, role) VALUES (1, 1, 'MSC', 'EXPERIMENTAL')");
      st.execute(
          "INSERT INTO outcome(id, name, kind, unit) VALUES (1, 'HbA1c', 'CONTINUOUS', '%')");
      st.execute("INSERT INTO time_point(id, outcome_id, months, label) VALUES (1, 1, 12, '12 m')");
      st.execute(
          "INSERT INTO measurement(id, study_id, outcome_id, arm_id, time_point_id, n, mean,"
              + " sd, median, prov_source, prov_quote) VALUES (1, 1, 1, 1, 1, 15, '8.60', 1.2, 7, 'TABLE',"
              + " 'HbA1c 8.60 ± 1.2')");
      st.execute(
          "INSERT INTO field(id, key, label_en, choices) VALUES (1, 'dose', 'Dose', '[\"a\"]')");
      st.execute("INSERT INTO characteristic_value(study_id, field_id, value) VALUES (1, 1, 1.5)");
    }
    assertFalse(Files.exists(FileCheck.walOf(f)));
    return f;
  }

  /**
   * A version-2 file as that release wrote it: version 1 plus the version-2 step, with a table
   * layout in the columns version 2 had (no row key).
   */
  Path v2Fixture() throws Exception {
    Path f = dir.resolve("v2.ewb");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement()) {
      SqliteProjectStore.createSchema(c, "Review 2", Instant.parse("2024-05-06T07:08:09Z"));
      SqliteProjectStore.migrate(c, 1, 2, f);
      st.execute(
          "INSERT INTO table_layout(id, name, title_en, field_keys, footnote_en) VALUES"
              + " (7, 'Seed 002 表1', 'Table 1', '[\"design\",\"year\"]', 'IV, intravenous')");
      st.execute("INSERT INTO saved_analysis(id, name, settings_json) VALUES (1, 'A', '{}')");
    }
    return f;
  }

  static int userVersion(Path f) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void theFixtureReallyIsVersionOne() throws Exception {
    Path f = v1Fixture();
    assertEquals(1, userVersion(f));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'saved_analysis'")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void openingAVersionOneFileMigratesItAndKeepsItsData() throws Exception {
    Path f = v1Fixture();
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      ProjectData d = store.snapshot();
      assertEquals(Schema.CURRENT_VERSION, d.project().schemaVersion());
      assertEquals("Old review", d.project().title());
      assertEquals("Hu 2013", d.studies().get(0).label());
      Measurement m = d.measurements().get(0);
      assertEquals(
          List.of("15", "8.60", "1.2", "7", "HbA1c 8.60 ± 1.2", ""),
          List.of(
              m.n().text(),
              m.mean().text(),
              m.sd().text(),
              m.reported().median().text(),
              m.provenance().quote(),
              m.derivation()));
      assertEquals("1.5", d.value(1, "dose"));
      // what version 2 added works on the migrated file
      store.putAnalysis(new SavedAnalysis(0, "A", "{}", 0));
      store.putMeasurement(
          new Measurement(
              0,
              1,
              1,
              1,
              1,
              m.n(),
              m.mean(),
              m.sd(),
              null,
              null,
              m.reported(),
              "median/IQR",
              m.provenance()));
    }
    assertEquals(Schema.CURRENT_VERSION, userVersion(f));
    ProjectData after = SqliteProjectStore.readSnapshot(f);
    assertEquals(1, after.analyses().size());
    assertEquals("median/IQR", after.measurements().get(0).derivation());
  }

  @Test
  void readingAVersionOneSnapshotMigratesACopyAndLeavesTheFileAlone() throws Exception {
    Path f = v1Fixture();
    byte[] before = FileRefusalTest.sha256(f);
    ProjectData d = SqliteProjectStore.readSnapshot(f);
    assertEquals(Schema.CURRENT_VERSION, d.project().schemaVersion());
    assertEquals("8.60", d.measurements().get(0).mean().text());
    assertArrayEquals(before, FileRefusalTest.sha256(f));
    assertEquals(1, userVersion(f));
    assertFalse(Files.exists(FileCheck.walOf(f)));
  }

  @Test
  void theVersionTwoFixtureHasNoRowKeyColumn() throws Exception {
    Path f = v2Fixture();
    assertEquals(2, userVersion(f));
    String schema = schema(f);
    assertFalse(schema.contains("row_field_key"), schema);
  }

  @Test
  void openingAVersionTwoFileAddsTheLayoutRowKeyAndKeepsItsLayouts() throws Exception {
    Path f = v2Fixture();
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      ProjectData d = store.snapshot();
      assertEquals(Schema.CURRENT_VERSION, d.project().schemaVersion());
      TableLayout old = d.layouts().get(0);
      assertEquals(
          new TableLayout(
              7,
              "Seed 002 表1",
              "Table 1",
              "",
              List.of("design", "year"),
              "IV, intravenous",
              "",
              ""),
          old);
      assertEquals(1, d.analyses().size());
      // what version 3 added works on the migrated file
      store.putLayout(
          new TableLayout(
              old.id(),
              old.name(),
              old.titleEn(),
              old.titleZh(),
              old.fieldKeys(),
              old.footnoteEn(),
              old.footnoteZh(),
              "table1_row_002"));
    }
    assertEquals(Schema.CURRENT_VERSION, userVersion(f));
    assertEquals(
        "table1_row_002", SqliteProjectStore.readSnapshot(f).layouts().get(0).rowFieldKey());
  }

  @Test
  void readingAVersionTwoSnapshotLeavesTheFileAlone() throws Exception {
    Path f = v2Fixture();
    byte[] before = FileRefusalTest.sha256(f);
    ProjectData d = SqliteProjectStore.readSnapshot(f);
    assertEquals("", d.layouts().get(0).rowFieldKey());
    assertArrayEquals(before, FileRefusalTest.sha256(f));
    assertEquals(2, userVersion(f));
  }

  @Test
  void aNewFileHasTheSameSchemaAsAMigratedVersionTwoFile() throws Exception {
    Path migrated = v2Fixture();
    SqliteProjectStore.open(migrated).close();
    Path fresh = dir.resolve("new.ewb");
    SqliteProjectStore.create(fresh, "t").close();
    assertEquals(schema(fresh), schema(migrated));
    assertTrue(schema(fresh).contains("row_field_key"));
  }

  @Test
  void aNewFileHasTheSameSchemaAsAMigratedOne() throws Exception {
    Path migrated = v1Fixture();
    SqliteProjectStore.open(migrated).close();
    Path fresh = dir.resolve("new.ewb");
    SqliteProjectStore.create(fresh, "t").close();
    assertEquals(schema(fresh), schema(migrated));
    assertTrue(schema(fresh).contains("saved_analysis"));
  }

  static String schema(Path f) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_schema ORDER BY name")) {
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void openingAnOlderFileCopiesItToABackupBeforeMigrating() throws Exception {
    Path f = v2Fixture();
    byte[] before = Files.readAllBytes(f);
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      assertEquals(Schema.CURRENT_VERSION, store.project().schemaVersion());
    }
    Path bak = dir.resolve("v2.ewb.bak-v2");
    assertArrayEquals(before, Files.readAllBytes(bak), "the backup is the file as it was");
    assertEquals(2, userVersion(bak));
    assertEquals(Schema.CURRENT_VERSION, userVersion(f));
  }

  @Test
  void readingAnOlderFileWritesNothingAtAll() throws Exception {
    Path f = v2Fixture();
    byte[] before = Files.readAllBytes(f);
    assertEquals(
        Schema.CURRENT_VERSION, SqliteProjectStore.readSnapshot(f).project().schemaVersion());
    assertArrayEquals(before, Files.readAllBytes(f));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(f), files.toList(), "no backup or side file for a read");
    }
  }

  @Test
  void aFailedMigrationLeavesTheFileAsItWasAndNamesTheUsersFile() throws Exception {
    Path f = v2Fixture();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement st = c.createStatement()) {
      // what the version-3 step adds is already there: its ALTER TABLE fails
      st.execute("ALTER TABLE table_layout ADD COLUMN row_field_key TEXT");
    }
    byte[] before = Files.readAllBytes(f);
    WorkbenchException read =
        assertThrows(WorkbenchException.class, () -> SqliteProjectStore.readSnapshot(f));
    assertTrue(read.getMessage().startsWith(f.toString() + ": "), read.getMessage());
    assertFalse(read.getMessage().contains("ewb-migrate"), read.getMessage());
    WorkbenchException open =
        assertThrows(WorkbenchException.class, () -> SqliteProjectStore.open(f));
    assertTrue(open.getMessage().startsWith(f.toString() + ": "), open.getMessage());
    assertTrue(open.getMessage().contains("v2.ewb.bak-v2"), open.getMessage());
    assertArrayEquals(before, Files.readAllBytes(f), "header and pages unchanged (no WAL switch)");
    assertFalse(Files.exists(FileCheck.walOf(f)));
    assertFalse(Files.exists(FileCheck.shmOf(f)));
  }
}
