package org.ewb.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.project.OutcomeData;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.logic.project.ProjectSummary;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.GenericEstimate;
import org.ewb.model.GlossaryEntry;
import org.ewb.model.LayoutCell;
import org.ewb.model.LayoutColumn;
import org.ewb.model.LayoutContent;
import org.ewb.model.LayoutOptions;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.Project;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.ProvenanceSource;
import org.ewb.model.ReportedForm;
import org.ewb.model.SavedAnalysis;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.TableLayout;
import org.ewb.model.TimePoint;
import org.ewb.model.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * A project file ({@code *.ewb}): a plain SQLite database, see {@link Schema} and ADR 0010. Every
 * mutating call runs in its own transaction (a savepoint, so calls nest inside {@link
 * #inTransaction}) and is committed before it returns. Files are checked read-only before they are
 * ever opened for writing, so a file that is refused is left byte-identical.
 *
 * <p>Thread-safe: calls are serialised on the store; change listeners run after the commit, on the
 * calling thread, outside the lock.
 */
public final class SqliteProjectStore
    implements ProjectRepository, org.ewb.logic.importing.ReferenceStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteProjectStore.class);
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  /** Created on first use: {@code info} never needs it, and it costs start-up time. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper();
  }

  /** For reading JSON lists without data binding (see {@code SnapshotReader.strings}). */
  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final Connection conn;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Open savepoints; 0 = no transaction. Guarded by {@code this}. */
  private int depth;

  private boolean closed;

  /**
   * The file is switched to WAL before its first edit, not when it is opened, so that a project
   * opened and closed without an edit stays byte-identical (ADR 0090). Guarded by {@code this}.
   */
  private boolean walPending;

  private SqliteProjectStore(Path file, Connection conn, boolean walPending) {
    this.file = file;
    this.conn = conn;
    this.walPending = walPending;
  }

  // ---------------------------------------------------------------- opening and creating

  /**
   * Opens an existing project for editing. Nothing is written before the file is accepted: the
   * header, {@code quick_check}, the identity and the schema version are checked read-only; an
   * older schema is then copied to {@code NAME.bak-vN} and migrated in one transaction in
   * rollback-journal mode. The file is switched to WAL before the first edit, so opening and
   * closing a project without editing it leaves it byte-identical (ADR 0090).
   */
  public static SqliteProjectStore open(Path file) {
    Path f = file.toAbsolutePath().normalize();
    return open(f, f.toString(), true);
  }

  /**
   * Opens {@code f}; messages name {@code name} (the user's file when {@code f} is a temporary
   * copy). {@code backup}: copy an older file before migrating it.
   */
  private static SqliteProjectStore open(Path f, String name, boolean backup) {
    FileCheck.Header header = FileCheck.checkHeader(f, name);
    int version;
    try (FileCheck.ReadSource src = FileCheck.ReadSource.of(f, name, header)) {
      // a temporary copy (backup == false) is new every time: nothing to trust or remember
      version = FileCheck.checkContents(src, header, true, backup);
    }
    if (!Files.isWritable(f) || (f.getParent() != null && !Files.isWritable(f.getParent()))) {
      // editing needs the file and, for the write-ahead log, its folder
      throw FileCheck.fail("persist.readOnly", name);
    }
    Path copy = null;
    if (backup && version < Schema.CURRENT_VERSION) {
      copy = backup(f, name, version);
    }
    Connection c = openReadWrite(f, name, false);
    try {
      migrate(c, version, f);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      String why = e instanceof WorkbenchException we ? we.getMessage() : e.getMessage();
      if (version < Schema.CURRENT_VERSION) {
        throw new WorkbenchException(
            WorkbenchException.Kind.FILE,
            Localization.lang(
                "persist.migrationFailed",
                name,
                Integer.toString(version),
                String.valueOf(why),
                copy == null ? "-" : copy.toString()),
            e);
      }
      if (e instanceof WorkbenchException we) {
        throw we;
      }
      throw fileError(name, (SQLException) e);
    }
    LOG.info("opened {} (schema {})", name, Schema.CURRENT_VERSION);
    return new SqliteProjectStore(f, c, true);
  }

  /**
   * Copies an accepted older file to {@code NAME.bak-vN} (or {@code NAME.bak-vN.2}, ... when that
   * exists) before its migration. A file with a write-ahead log is copied through SQLite ({@code
   * VACUUM INTO}), so that the copy holds the logged edits.
   */
  private static Path backup(Path f, String name, int version) {
    Path target = f.resolveSibling(f.getFileName() + ".bak-v" + version);
    for (int i = 2; Files.exists(target); i++) {
      target = f.resolveSibling(f.getFileName() + ".bak-v" + version + "." + i);
    }
    try {
      if (Files.exists(FileCheck.walOf(f))) {
        try (Connection c = FileCheck.openReadOnly(f);
            PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
          ps.setString(1, target.toString());
          ps.execute();
        }
      } else {
        Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
      LOG.info("{}: backup before migration: {}", name, target);
      return target;
    } catch (IOException | SQLException e) {
      deleteQuietly(target);
      throw FileCheck.fail("persist.backupFailed", name, target.toString(), e.getMessage());
    }
  }

  private static void setJournalMode(Connection c, String mode) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode = " + mode)) {
      rs.next();
    }
  }

  /** Creates a new, empty project; refuses an existing file. */
  public static SqliteProjectStore create(Path file, String title) {
    Path f = file.toAbsolutePath().normalize();
    if (Files.exists(f)) {
      throw FileCheck.fail("persist.exists", f.toString());
    }
    if (f.getParent() != null && !Files.isDirectory(f.getParent())) {
      throw FileCheck.fail("persist.noFolder", f.toString());
    }
    Connection c = openReadWrite(f, f.toString(), true);
    try {
      createSchema(c, title, Instant.now());
      migrate(c, 1, f);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      deleteQuietly(f);
      if (e instanceof WorkbenchException we) {
        throw we;
      }
      throw fileError(f.toString(), (SQLException) e);
    }
    LOG.info("created {}", f);
    return new SqliteProjectStore(f, c, false);
  }

  /**
   * Reads a whole project without modifying the file (for info, validate, export), as one
   * consistent snapshot: all tables are read in one read transaction, so an edit committed by
   * another process meanwhile is either wholly in it or not at all. The file must pass {@code
   * PRAGMA quick_check}. A file of an older schema is migrated on a temporary copy; the original
   * stays byte-identical and messages name it, not the copy.
   */
  public static ProjectData readSnapshot(Path file) {
    return readSnapshot(file, true);
  }

  /**
   * As {@link #readSnapshot(Path)}; {@code trustEarlierCheck} false runs {@code quick_check} even
   * when the file passed it unchanged before (ADR 0133), as {@code validate} does.
   */
  public static ProjectData readSnapshot(Path file, boolean trustEarlierCheck) {
    Path f = file.toAbsolutePath().normalize();
    String name = f.toString();
    FileCheck.Header header = FileCheck.checkHeader(f, name);
    try (FileCheck.ReadSource src = FileCheck.ReadSource.of(f, name, header)) {
      int version = FileCheck.checkContents(src, header, true, trustEarlierCheck);
      if (version == Schema.CURRENT_VERSION) {
        try (Connection c = src.connect()) {
          return inReadTransaction(c, () -> new SnapshotReader(c).read());
        } catch (SQLException e) {
          throw fileError(name, e);
        }
      }
    }
    Path tmpDir = null;
    try {
      tmpDir = Files.createTempDirectory("ewb-migrate-");
      Path tmp = tmpDir.resolve(f.getFileName());
      Path wal = FileCheck.walOf(f);
      if (Files.exists(wal) && Files.exists(FileCheck.shmOf(f))) {
        // open elsewhere: a consistent copy through SQLite
        try (Connection c = FileCheck.openReadOnly(f);
            PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
          ps.setString(1, tmp.toString());
          ps.execute();
        }
      } else {
        Files.copy(f, tmp);
        if (Files.exists(wal)) {
          Files.copy(wal, FileCheck.walOf(tmp));
        }
      }
      try (SqliteProjectStore store = open(tmp, name, false)) {
        return store.snapshot();
      }
    } catch (IOException e) {
      throw FileCheck.fail("persist.unreadable", name, String.valueOf(e.getMessage()));
    } catch (SQLException e) {
      throw fileError(name, e);
    } finally {
      if (tmpDir != null) {
        deleteQuietly(tmpDir.resolve(f.getFileName()));
        deleteQuietly(tmpDir);
      }
    }
  }

  /**
   * Counts of what a project holds, read without modifying the file and without loading the
   * measurements (so it stays fast on large projects); one read transaction, after {@code
   * quick_check}.
   */
  public static ProjectSummary readSummary(Path file) {
    Path f = file.toAbsolutePath().normalize();
    String name = f.toString();
    FileCheck.Header header = FileCheck.checkHeader(f, name);
    try (FileCheck.ReadSource src = FileCheck.ReadSource.of(f, name, header)) {
      int version = FileCheck.checkContents(src, header, true, true);
      if (version == Schema.CURRENT_VERSION) {
        try (Connection c = src.connect()) {
          return inReadTransaction(c, () -> new SnapshotReader(c).summary());
        } catch (SQLException e) {
          throw fileError(name, e);
        }
      }
    }
    return ProjectSummary.of(readSnapshot(f));
  }

  /**
   * Runs {@code work} in one read transaction: every query sees the same committed state (a WAL
   * snapshot, or a shared lock held throughout in rollback-journal mode).
   */
  private static <T> T inReadTransaction(Connection c, SqlWork<T> work) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("BEGIN DEFERRED");
      try {
        return work.run();
      } finally {
        st.execute("COMMIT");
      }
    }
  }

  /** The schema version this build reads and writes. */
  public static int currentSchemaVersion() {
    return Schema.CURRENT_VERSION;
  }

  /**
   * A read-write connection; {@code wal}: switch to WAL at once (a new file). An existing file is
   * switched only after its migration, so that a refused or failed file keeps its header.
   */
  private static Connection openReadWrite(Path f, String name, boolean wal) {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.enforceForeignKeys(true);
    if (wal) {
      cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    }
    // FULL: a committed edit survives a power cut, which is the promise of "no Save button".
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    cfg.setBusyTimeout(5000);
    try {
      return DriverManager.getConnection("jdbc:sqlite:" + f, cfg.toProperties());
    } catch (SQLException e) {
      throw fileError(name, e);
    }
  }

  static void createSchema(Connection c, String title, Instant now) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("BEGIN");
      try {
        st.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
        for (String ddl : Schema.V1) {
          st.execute(ddl);
        }
        st.execute("PRAGMA user_version = 1");
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?)")) {
          ps.setString(1, "format");
          ps.setString(2, Schema.FORMAT);
          ps.executeUpdate();
          ps.setString(1, "schema_version");
          ps.setString(2, "1");
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO project(id, title, created, modified) VALUES (1, ?, ?, ?)")) {
          ps.setString(1, title == null ? "" : title);
          ps.setString(2, now.toString());
          ps.setString(3, now.toString());
          ps.executeUpdate();
        }
        st.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        st.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /** Applies every step after {@code from}, all in one transaction. */
  static void migrate(Connection c, int from, Path f) throws SQLException {
    migrate(c, from, Schema.CURRENT_VERSION, f);
  }

  /**
   * Applies the steps after {@code from} up to and including {@code to}, all in one transaction
   * (tests use a bound below the current version to build files as an older release wrote them).
   */
  static void migrate(Connection c, int from, int to, Path f) throws SQLException {
    if (from >= to) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      try {
        for (Schema.Migration m : Schema.MIGRATIONS) {
          if (m.toVersion() > from && m.toVersion() <= to) {
            for (String sql : m.statements()) {
              st.execute(sql);
            }
            st.execute("PRAGMA user_version = " + m.toVersion());
            st.execute(
                "UPDATE meta SET value = '" + m.toVersion() + "' WHERE key = 'schema_version'");
            LOG.info("{}: migrated to schema {} ({})", f, m.toVersion(), m.description());
          }
        }
        st.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        st.execute("ROLLBACK");
        throw e;
      }
    }
  }

  // ---------------------------------------------------------------- transactions

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} inside a savepoint: the outermost one is the transaction and its release
   * commits; an inner one that fails is rolled back alone and its exception propagates.
   */
  private <T> T write(SqlWork<T> work) {
    T result;
    boolean committed;
    synchronized (this) {
      ensureOpen();
      int level = depth;
      if (level == 0 && walPending) {
        enterWalMode();
      }
      exec("SAVEPOINT w" + level);
      depth++;
      try {
        if (level == 0) {
          touchModified();
        }
        result = work.run();
        exec("RELEASE w" + level);
        depth--;
      } catch (SQLException e) {
        rollbackTo(level);
        throw translate(e);
      } catch (RuntimeException | Error e) {
        rollbackTo(level);
        throw e;
      }
      committed = depth == 0;
    }
    if (committed) {
      for (Runnable l : listeners) {
        l.run();
      }
    }
    return result;
  }

  /**
   * Switches the file to WAL before its first edit. If SQLite refuses (another program holds the
   * file busy past the busy timeout), the edits go through the rollback journal, which is as safe,
   * and the switch is not tried again in this session.
   */
  private void enterWalMode() {
    walPending = false;
    try {
      setJournalMode(conn, "WAL");
    } catch (SQLException e) {
      LOG.info("{}: stays in rollback-journal mode: {}", file, e.getMessage());
    }
  }

  private void rollbackTo(int level) {
    try (Statement st = conn.createStatement()) {
      st.execute("ROLLBACK TO w" + level);
      st.execute("RELEASE w" + level);
    } catch (SQLException e) {
      LOG.error("{}: rollback failed", file, e);
    } finally {
      depth = level;
    }
  }

  private synchronized <T> T read(SqlWork<T> work) {
    ensureOpen();
    int level = depth;
    exec("SAVEPOINT r" + level);
    try {
      return work.run();
    } catch (SQLException e) {
      throw translate(e);
    } finally {
      exec("RELEASE r" + level);
    }
  }

  private void exec(String sql) {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw FileCheck.fail("persist.closed", file.toString());
    }
  }

  private PreparedStatement ps(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  private long lastId() throws SQLException {
    try (ResultSet rs = ps("SELECT last_insert_rowid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void touchModified() throws SQLException {
    PreparedStatement ps = ps("UPDATE project SET modified = ? WHERE id = 1");
    ps.setString(1, Instant.now().toString());
    ps.executeUpdate();
  }

  @Override
  public void inTransaction(Runnable edits) {
    write(
        () -> {
          edits.run();
          return null;
        });
  }

  // ---------------------------------------------------------------- errors

  static WorkbenchException fileError(String name, SQLException e) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return new WorkbenchException(
          WorkbenchException.Kind.FILE,
          Localization.lang("persist.corrupt", name, String.valueOf(e.getMessage())),
          e);
    }
    return new WorkbenchException(
        WorkbenchException.Kind.FILE,
        Localization.lang("persist.sqlError", name, String.valueOf(e.getMessage())),
        e);
  }

  private WorkbenchException translate(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
      return new WorkbenchException(
          WorkbenchException.Kind.DATA,
          Localization.lang("persist.constraint", file.toString(), String.valueOf(e.getMessage())),
          e);
    }
    return fileError(file.toString(), e);
  }

  private WorkbenchException noSuch(String what, long id) {
    return new WorkbenchException(
        WorkbenchException.Kind.DATA,
        Localization.lang("persist.noSuch", file.toString(), what, Long.toString(id)));
  }

  // ---------------------------------------------------------------- binding helpers

  private static void bindId(PreparedStatement ps, int i, long id) throws SQLException {
    if (id == 0) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, id);
    }
  }

  private static void bindInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  /** Binds the four provenance columns from {@code i}; returns the next index. */
  private static int bindProv(PreparedStatement ps, int i, Provenance p) throws SQLException {
    ps.setString(i++, p.source() == null ? null : p.source().name());
    ps.setString(i++, p.location());
    ps.setString(i++, p.quote());
    ps.setString(i++, p.note());
    return i;
  }

  private static String json(List<String> list) {
    try {
      return Mapper.INSTANCE.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always JSON", e);
    }
  }

  // ---------------------------------------------------------------- repository

  @Override
  public Path file() {
    return file;
  }

  @Override
  public ProjectData snapshot() {
    return read(() -> new SnapshotReader(conn).read());
  }

  /** One query: fast even when the project holds hundreds of thousands of measurements. */
  @Override
  public List<Study> studies() {
    return read(
        () -> {
          try (Statement st = conn.createStatement()) {
            return List.copyOf(SnapshotReader.studies(st));
          }
        });
  }

  /** The snapshot's queries without the two that read measurements and generic estimates. */
  @Override
  public ProjectData snapshotWithoutOutcomeData() {
    return read(() -> new SnapshotReader(conn).read(false));
  }

  /**
   * Two queries. They scan the tables in id order rather than use the time point indexes: an
   * outcome's rows are spread over the whole table (entered study by study), and on the 5,000-study
   * synthetic project the scan is faster than 60,000 index look-ups plus a sort (ADR 0073).
   */
  @Override
  public OutcomeData outcomeData(long outcomeId) {
    return read(
        () -> {
          SnapshotReader r = new SnapshotReader(conn);
          String where = "WHERE outcome_id = ?";
          return new OutcomeData(
              r.measurements(where, outcomeId), r.genericEstimates(where, outcomeId));
        });
  }

  /** Two queries: measurements through the (arm, time point) key, estimates by study. */
  @Override
  public OutcomeData outcomeDataOfStudy(long studyId) {
    return read(
        () -> {
          SnapshotReader r = new SnapshotReader(conn);
          return new OutcomeData(
              r.measurements("WHERE arm_id IN (SELECT id FROM arm WHERE study_id = ?)", studyId),
              r.genericEstimates("WHERE study_id = ?", studyId));
        });
  }

  /** Counts from indexes; no measurement is loaded. */
  @Override
  public ProjectSummary summary() {
    return read(() -> new SnapshotReader(conn).summary());
  }

  @Override
  public Project project() {
    return read(() -> SnapshotReader.readProject(conn));
  }

  @Override
  public void updateProject(Project p) {
    write(
        () -> {
          Project old = SnapshotReader.readProject(conn);
          // "modified" is kept by the store; a caller that sets another value on purpose wins.
          Instant modified =
              p.modified() == null || p.modified().equals(old.modified())
                  ? Instant.now()
                  : p.modified();
          PreparedStatement ps =
              ps(
                  "UPDATE project SET title = ?, review_question = ?, reviewers = ?,"
                      + " created = ?, modified = ? WHERE id = 1");
          ps.setString(1, p.title());
          ps.setString(2, p.reviewQuestion());
          ps.setString(3, p.reviewers());
          ps.setString(4, (p.created() == null ? old.created() : p.created()).toString());
          ps.setString(5, modified.toString());
          ps.executeUpdate();
          return null;
        });
  }

  private static final String STUDY_COLS =
      "key, label, authors, year, title, journal, doi, pmid,"
          + " registration, country, design, notes, status, display_order";

  private static int bindStudy(PreparedStatement ps, int i, Study s) throws SQLException {
    ps.setString(i++, s.key());
    ps.setString(i++, s.label());
    ps.setString(i++, s.authors());
    bindInt(ps, i++, s.year());
    ps.setString(i++, s.title());
    ps.setString(i++, s.journal());
    ps.setString(i++, s.doi());
    ps.setString(i++, s.pmid());
    ps.setString(i++, s.registration());
    ps.setString(i++, s.country());
    ps.setString(i++, s.design());
    ps.setString(i++, s.notes());
    ps.setString(i++, s.status().name());
    ps.setInt(i++, s.displayOrder());
    return i;
  }

  @Override
  public Study insertStudy(Study study) {
    return write(
        () -> {
          PreparedStatement ps =
              ps(
                  "INSERT INTO study(id, "
                      + STUDY_COLS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          bindId(ps, 1, study.id());
          bindStudy(ps, 2, study);
          ps.executeUpdate();
          return study.id() != 0 ? study : study.withId(lastId());
        });
  }

  @Override
  public void updateStudy(Study study) {
    write(
        () -> {
          PreparedStatement ps =
              ps(
                  "UPDATE study SET key = ?, label = ?, authors = ?, year = ?,"
                      + " title = ?, journal = ?, doi = ?, pmid = ?, registration = ?, country = ?, design = ?,"
                      + " notes = ?, status = ?, display_order = ? WHERE id = ?");
          int i = bindStudy(ps, 1, study);
          ps.setLong(i, study.id());
          if (ps.executeUpdate() == 0) {
            throw noSuch("study", study.id());
          }
          return null;
        });
  }

  @Override
  public void deleteStudy(long studyId) {
    deleteById("study", studyId);
  }

  private void deleteById(String table, long id) {
    write(
        () -> {
          PreparedStatement ps = ps("DELETE FROM " + table + " WHERE id = ?");
          ps.setLong(1, id);
          ps.executeUpdate();
          return null;
        });
  }

  private static final String FIELD_COLS =
      "key, label_en, label_zh, type, unit, choices, group_en, group_zh, display_order";

  private static int bindField(PreparedStatement ps, int i, CharacteristicField f)
      throws SQLException {
    ps.setString(i++, f.key());
    ps.setString(i++, f.labelEn());
    ps.setString(i++, f.labelZh());
    ps.setString(i++, f.type().name());
    ps.setString(i++, f.unit());
    ps.setString(i++, json(f.choices()));
    ps.setString(i++, f.groupEn());
    ps.setString(i++, f.groupZh());
    ps.setInt(i++, f.displayOrder());
    return i;
  }

  @Override
  public CharacteristicField insertField(CharacteristicField field) {
    return write(
        () -> {
          PreparedStatement ps =
              ps("INSERT INTO field(id, " + FIELD_COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          bindId(ps, 1, field.id());
          bindField(ps, 2, field);
          ps.executeUpdate();
          return field.id() != 0 ? field : field.withId(lastId());
        });
  }

  @Override
  public void updateField(CharacteristicField field) {
    write(
        () -> {
          PreparedStatement ps =
              ps(
                  "UPDATE field SET key = ?, label_en = ?, label_zh = ?, type = ?,"
                      + " unit = ?, choices = ?, group_en = ?, group_zh = ?, display_order = ? WHERE id = ?");
          int i = bindField(ps, 1, field);
          ps.setLong(i, field.id());
          if (ps.executeUpdate() == 0) {
            throw noSuch("field", field.id());
          }
          return null;
        });
  }

  @Override
  public void deleteField(long fieldId) {
    deleteById("field", fieldId);
  }

  @Override
  public void putValue(CharacteristicValue v) {
    write(
        () -> {
          if (v.isEmpty()) {
            PreparedStatement ps =
                ps("DELETE FROM characteristic_value WHERE study_id = ? AND field_id = ?");
            ps.setLong(1, v.studyId());
            ps.setLong(2, v.fieldId());
            ps.executeUpdate();
            return null;
          }
          PreparedStatement ps =
              ps(
                  "INSERT OR REPLACE INTO characteristic_value(study_id, field_id,"
                      + " value, prov_source, prov_location, prov_quote, prov_note, value_zh)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          ps.setLong(1, v.studyId());
          ps.setLong(2, v.fieldId());
          CellCodec.bind(ps, 3, v.value());
          bindProv(ps, 4, v.provenance());
          ps.setString(8, v.valueZh());
          ps.executeUpdate();
          return null;
        });
  }

  private static final String ARM_COLS =
      "study_id, label, role, intervention, randomised, display_order";

  private static int bindArm(PreparedStatement ps, int i, Arm a) throws SQLException {
    ps.setLong(i++, a.studyId());
    ps.setString(i++, a.label());
    ps.setString(i++, a.role().name());
    ps.setString(i++, a.intervention());
    bindInt(ps, i++, a.randomised());
    ps.setInt(i++, a.displayOrder());
    return i;
  }

  @Override
  public Arm insertArm(Arm arm) {
    return write(
        () -> {
          PreparedStatement ps =
              ps("INSERT INTO arm(id, " + ARM_COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
          bindId(ps, 1, arm.id());
          bindArm(ps, 2, arm);
          ps.executeUpdate();
          return arm.id() != 0 ? arm : arm.withId(lastId());
        });
  }

  @Override
  public void updateArm(Arm arm) {
    write(
        () -> {
          PreparedStatement ps =
              ps(
                  "UPDATE arm SET study_id = ?, label = ?, role = ?, intervention = ?,"
                      + " randomised = ?, display_order = ? WHERE id = ?");
          int i = bindArm(ps, 1, arm);
          ps.setLong(i, arm.id());
          if (ps.executeUpdate() == 0) {
            throw noSuch("arm", arm.id());
          }
          return null;
        });
  }

  @Override
  public void deleteArm(long armId) {
    deleteById("arm", armId);
  }

  private static final String OUTCOME_COLS =
      "name, kind, unit, lower_is_better, display_order, name_zh, default_measure, decimals";

  private static int bindOutcome(PreparedStatement ps, int i, Outcome o) throws SQLException {
    ps.setString(i++, o.name());
    ps.setString(i++, o.kind().name());
    ps.setString(i++, o.unit());
    ps.setInt(i++, o.lowerIsBetter() ? 1 : 0);
    ps.setInt(i++, o.displayOrder());
    ps.setString(i++, o.nameZh());
    ps.setString(i++, o.defaultMeasure());
    if (o.decimals() == null) {
      ps.setNull(i++, java.sql.Types.INTEGER);
    } else {
      ps.setInt(i++, o.decimals());
    }
    return i;
  }

  private static Outcome readOutcome(ResultSet rs) throws SQLException {
    int decimals = rs.getInt(9);
    // wasNull speaks of the last column read: ask it now, before the others are read
    Integer shown = rs.wasNull() ? null : decimals;
    return new Outcome(
        rs.getLong(1),
        rs.getString(2),
        SnapshotReader.enumOf(OutcomeKind.class, rs, 3, "outcome " + rs.getLong(1), "kind"),
        rs.getString(4),
        rs.getInt(5) != 0,
        rs.getInt(6),
        rs.getString(7),
        rs.getString(8),
        shown);
  }

  @Override
  public Outcome insertOutcome(Outcome outcome) {
    return write(
        () -> {
          PreparedStatement ps =
              ps(
                  "INSERT INTO outcome(id, "
                      + OUTCOME_COLS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
          bindId(ps, 1, outcome.id());
          bindOutcome(ps, 2, outcome);
          ps.executeUpdate();
          return outcome.id() != 0 ? outcome : outcome.withId(lastId());
        });
  }

  @Override
  public void updateOutcome(Outcome outcome) {
    write(
        () -> {
          PreparedStatement ps =
              ps(
                  "UPDATE outcome SET name = ?, kind = ?, unit = ?, lower_is_better = ?,"
                      + " display_order = ?, name_zh = ?, default_measure = ?, decimals = ?"
                      + " WHERE id = ?");
          int i = bindOutcome(ps, 1, outcome);
          ps.setLong(i, outcome.id());
          if (ps.executeUpdate() == 0) {
            throw noSuch("outcome", outcome.id());
          }
          return null;
        });
  }

  @Override
  public void deleteOutcome(long outcomeId) {
    deleteById("outcome", outcomeId);
  }

  @Override
  public TimePoint insertTimePoint(TimePoint tp) {
    return write(
        () -> {
          PreparedStatement ps =
              ps("INSERT INTO time_point(id, outcome_id, months, label) VALUES (?, ?, ?, ?)");
          bindId(ps, 1, tp.id());
          ps.setLong(2, tp.outcomeId());
          ps.setDouble(3, tp.months());
          ps.setString(4, tp.label());
          ps.executeUpdate();
          return tp.id() != 0 ? tp : tp.withId(lastId());
        });
  }

  @Override
  public void updateTimePoint(TimePoint tp) {
    write(
        () -> {
          PreparedStatement ps =
              ps("UPDATE time_point SET outcome_id = ?, months = ?, label = ? WHERE id = ?");
          ps.setLong(1, tp.outcomeId());
          ps.setDouble(2, tp.months());
          ps.setString(3, tp.label());
          ps.setLong(4, tp.id());
          if (ps.executeUpdate() == 0) {
            throw noSuch("time point", tp.id());
          }
          return null;
        });
  }

  @Override
  public void deleteTimePoint(long timePointId) {
    deleteById("time_point", timePointId);
  }

  static final String MEASUREMENT_COLS =
      "study_id, outcome_id, arm_id, time_point_id,"
          + " n, mean, sd, events, total, se, ci_lower, ci_upper, median, q1, q3, min, max,"
          + " percent_change, derivation, prov_source, prov_location, prov_quote, prov_note";

  static int bindMeasurement(PreparedStatement ps, int i, Measurement m) throws SQLException {
    ps.setLong(i++, m.studyId());
    ps.setLong(i++, m.outcomeId());
    ps.setLong(i++, m.armId());
    ps.setLong(i++, m.timePointId());
    CellCodec.bind(ps, i++, m.n().text());
    CellCodec.bind(ps, i++, m.mean().text());
    CellCodec.bind(ps, i++, m.sd().text());
    CellCodec.bind(ps, i++, m.events().text());
    CellCodec.bind(ps, i++, m.total().text());
    ReportedForm r = m.reported();
    CellCodec.bind(ps, i++, r.se().text());
    CellCodec.bind(ps, i++, r.ciLower().text());
    CellCodec.bind(ps, i++, r.ciUpper().text());
    CellCodec.bind(ps, i++, r.median().text());
    CellCodec.bind(ps, i++, r.q1().text());
    CellCodec.bind(ps, i++, r.q3().text());
    CellCodec.bind(ps, i++, r.min().text());
    CellCodec.bind(ps, i++, r.max().text());
    CellCodec.bind(ps, i++, r.percentChange().text());
    ps.setString(i++, m.derivation());
    return bindProv(ps, i, m.provenance());
  }

  static boolean isBlank(Measurement m) {
    return m.n().isEmpty()
        && m.mean().isEmpty()
        && m.sd().isEmpty()
        && m.events().isEmpty()
        && m.total().isEmpty()
        && m.reported().isEmpty()
        && m.derivation().isEmpty()
        && m.provenance().isEmpty();
  }

  @Override
  public Measurement putMeasurement(Measurement m) {
    return write(
        () -> {
          if (isBlank(m)) {
            PreparedStatement del =
                ps(
                    "DELETE FROM measurement WHERE study_id = ? AND outcome_id = ?"
                        + " AND arm_id = ? AND time_point_id = ?");
            del.setLong(1, m.studyId());
            del.setLong(2, m.outcomeId());
            del.setLong(3, m.armId());
            del.setLong(4, m.timePointId());
            del.executeUpdate();
            return m.withId(0);
          }
          long id = m.id();
          if (id == 0) {
            // keep the id of the measurement being replaced, so references to it stay valid
            PreparedStatement find =
                ps(
                    "SELECT id FROM measurement WHERE arm_id = ? AND time_point_id = ?"
                        + " AND study_id = ? AND outcome_id = ?");
            find.setLong(1, m.armId());
            find.setLong(2, m.timePointId());
            find.setLong(3, m.studyId());
            find.setLong(4, m.outcomeId());
            try (ResultSet rs = find.executeQuery()) {
              if (rs.next()) {
                id = rs.getLong(1);
              }
            }
          }
          // OR REPLACE also drops another row at the same (arm, time point) when an explicit id
          // moves
          // a measurement there; measurements have no children, so nothing cascades.
          PreparedStatement ps =
              ps(
                  "INSERT OR REPLACE INTO measurement(id, "
                      + MEASUREMENT_COLS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          bindId(ps, 1, id);
          bindMeasurement(ps, 2, m);
          ps.executeUpdate();
          return m.withId(id != 0 ? id : lastId());
        });
  }

  /** Batched: one prepared statement, executed in batches of 10,000 rows. */
  @Override
  public void insertMeasurements(List<Measurement> list) {
    write(
        () -> {
          PreparedStatement ps =
              ps(
                  "INSERT INTO measurement(id, "
                      + MEASUREMENT_COLS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          int pending = 0;
          for (Measurement m : list) {
            bindId(ps, 1, m.id());
            bindMeasurement(ps, 2, m);
            ps.addBatch();
            if (++pending == 10_000) {
              ps.executeBatch();
              pending = 0;
            }
          }
          if (pending > 0) {
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public GenericEstimate putGenericEstimate(GenericEstimate g) {
    return write(
        () -> {
          boolean blank =
              g.effect().isEmpty()
                  && g.se().isEmpty()
                  && g.measure().isEmpty()
                  && g.provenance().isEmpty();
          if (blank) {
            PreparedStatement del =
                ps(
                    "DELETE FROM generic_estimate WHERE study_id = ?"
                        + " AND outcome_id = ? AND time_point_id = ?");
            del.setLong(1, g.studyId());
            del.setLong(2, g.outcomeId());
            del.setLong(3, g.timePointId());
            del.executeUpdate();
            return g.withId(0);
          }
          long id = g.id();
          if (id == 0) {
            PreparedStatement find =
                ps(
                    "SELECT id FROM generic_estimate WHERE study_id = ?"
                        + " AND time_point_id = ? AND outcome_id = ?");
            find.setLong(1, g.studyId());
            find.setLong(2, g.timePointId());
            find.setLong(3, g.outcomeId());
            try (ResultSet rs = find.executeQuery()) {
              if (rs.next()) {
                id = rs.getLong(1);
              }
            }
          }
          PreparedStatement ps =
              ps(
                  "INSERT OR REPLACE INTO generic_estimate(id, study_id, outcome_id,"
                      + " time_point_id, effect, se, measure, prov_source, prov_location, prov_quote, prov_note)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          bindId(ps, 1, id);
          ps.setLong(2, g.studyId());
          ps.setLong(3, g.outcomeId());
          ps.setLong(4, g.timePointId());
          CellCodec.bind(ps, 5, g.effect().text());
          CellCodec.bind(ps, 6, g.se().text());
          ps.setString(7, g.measure());
          bindProv(ps, 8, g.provenance());
          ps.executeUpdate();
          return g.withId(id != 0 ? id : lastId());
        });
  }

  @Override
  public TableLayout putLayout(TableLayout t) {
    return write(
        () -> {
          PreparedStatement ps =
              ps(
                  "INSERT OR REPLACE INTO table_layout(id, name, title_en, title_zh,"
                      + " field_keys, footnote_en, footnote_zh, row_field_key)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          bindId(ps, 1, t.id());
          ps.setString(2, t.name());
          ps.setString(3, t.titleEn());
          ps.setString(4, t.titleZh());
          ps.setString(5, json(t.fieldKeys()));
          ps.setString(6, t.footnoteEn());
          ps.setString(7, t.footnoteZh());
          ps.setString(8, t.rowFieldKey());
          ps.executeUpdate();
          return t.withId(t.id() != 0 ? t.id() : lastId());
        });
  }

  @Override
  public void deleteLayout(long layoutId) {
    write(
        () -> {
          for (String table : List.of("layout_cell", "layout_column", "layout_options")) {
            PreparedStatement ps = ps("DELETE FROM " + table + " WHERE layout_id = ?");
            ps.setLong(1, layoutId);
            ps.executeUpdate();
          }
          deleteById("table_layout", layoutId);
          return null;
        });
  }

  @Override
  public LayoutContent layoutContent() {
    return read(() -> new SnapshotReader(conn).layoutContent());
  }

  @Override
  public void putLayoutContent(
      LayoutOptions options, List<LayoutColumn> columns, List<LayoutCell> cells) {
    long id = options.layoutId();
    write(
        () -> {
          PreparedStatement exists = ps("SELECT count(*) FROM table_layout WHERE id = ?");
          exists.setLong(1, id);
          try (ResultSet rs = exists.executeQuery()) {
            rs.next();
            if (rs.getInt(1) == 0) {
              throw noSuch("table layout", id);
            }
          }
          for (String table : List.of("layout_cell", "layout_column", "layout_options")) {
            PreparedStatement ps = ps("DELETE FROM " + table + " WHERE layout_id = ?");
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          PreparedStatement po =
              ps(
                  "INSERT INTO layout_options(layout_id, table_number, number_column, paper,"
                      + " landscape) VALUES (?, ?, ?, ?, ?)");
          po.setLong(1, id);
          po.setInt(2, options.tableNumber());
          po.setInt(3, options.numberColumn() ? 1 : 0);
          po.setString(4, options.paper().name());
          po.setInt(5, options.landscape() ? 1 : 0);
          po.executeUpdate();
          PreparedStatement pc =
              ps(
                  "INSERT INTO layout_column(layout_id, column_key, position, heading_en,"
                      + " heading_zh, group_en, group_zh) VALUES (?, ?, ?, ?, ?, ?, ?)");
          int position = 0;
          for (LayoutColumn c : columns) {
            if (c.layoutId() != id) {
              throw new IllegalArgumentException(
                  "column " + c.column() + " belongs to layout " + c.layoutId() + ", not " + id);
            }
            pc.setLong(1, id);
            pc.setString(2, c.column());
            pc.setInt(3, position++);
            pc.setString(4, c.headingEn());
            pc.setString(5, c.headingZh());
            pc.setString(6, c.groupEn());
            pc.setString(7, c.groupZh());
            pc.executeUpdate();
          }
          for (LayoutCell c : cells) {
            if (c.layoutId() != id) {
              throw new IllegalArgumentException(
                  "a cell of study " + c.studyId() + " belongs to layout " + c.layoutId());
            }
            putLayoutCell(c);
          }
          return null;
        });
  }

  @Override
  public void putLayoutCell(LayoutCell c) {
    write(
        () -> {
          if (c.isEmpty()) {
            PreparedStatement ps =
                ps(
                    "DELETE FROM layout_cell WHERE layout_id = ? AND study_id = ?"
                        + " AND column_key = ?");
            ps.setLong(1, c.layoutId());
            ps.setLong(2, c.studyId());
            ps.setString(3, c.column());
            ps.executeUpdate();
            return null;
          }
          PreparedStatement ps =
              ps(
                  "INSERT OR REPLACE INTO layout_cell(layout_id, study_id, column_key, value_en,"
                      + " value_zh, prov_source, prov_location, prov_quote, prov_note, note_en,"
                      + " note_zh) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          ps.setLong(1, c.layoutId());
          ps.setLong(2, c.studyId());
          ps.setString(3, c.column());
          ps.setString(4, c.valueEn());
          ps.setString(5, c.valueZh());
          int i = bindProv(ps, 6, c.provenance());
          ps.setString(i++, c.noteEn());
          ps.setString(i, c.noteZh());
          ps.executeUpdate();
          return null;
        });
  }

  @Override
  public void putGlossary(List<GlossaryEntry> entries) {
    write(
        () -> {
          exec("DELETE FROM glossary");
          PreparedStatement ps = ps("INSERT INTO glossary(abbreviation, en, zh) VALUES (?, ?, ?)");
          for (GlossaryEntry e : entries) {
            ps.setString(1, e.abbreviation());
            ps.setString(2, e.en());
            ps.setString(3, e.zh());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public SavedAnalysis putAnalysis(SavedAnalysis a) {
    return write(
        () -> {
          PreparedStatement ps =
              ps(
                  "INSERT OR REPLACE INTO saved_analysis(id, name, settings_json,"
                      + " display_order) VALUES (?, ?, ?, ?)");
          bindId(ps, 1, a.id());
          ps.setString(2, a.name());
          ps.setString(3, a.settingsJson());
          ps.setInt(4, a.displayOrder());
          ps.executeUpdate();
          long id = a.id() != 0 ? a.id() : lastId();
          return new SavedAnalysis(id, a.name(), a.settingsJson(), a.displayOrder());
        });
  }

  @Override
  public void deleteAnalysis(long analysisId) {
    deleteById("saved_analysis", analysisId);
  }

  @Override
  public synchronized void saveAs(Path target) {
    ensureOpen();
    Path t = target.toAbsolutePath().normalize();
    if (Files.exists(t)) {
      throw FileCheck.fail("persist.exists", t.toString());
    }
    if (depth > 0) {
      throw new IllegalStateException("saveAs inside a transaction");
    }
    // VACUUM refuses to run while any prepared statement is active; cached ones are re-prepared.
    closeStatements();
    try (PreparedStatement ps = conn.prepareStatement("VACUUM INTO ?")) {
      ps.setString(1, t.toString());
      ps.execute();
    } catch (SQLException e) {
      deleteQuietly(t);
      throw fileError(t.toString(), e);
    }
  }

  @Override
  public void addChangeListener(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeStatements();
    leaveWalMode();
    closeQuietly(conn);
    LOG.debug("closed {}", file);
  }

  /**
   * A closed project is left in rollback-journal mode, so that it is one self-contained file and a
   * read-only reader (another SQLite tool, a second {@code info}) leaves no {@code -wal}/{@code
   * -shm} files beside it; WAL is switched on again by the next {@link #open}. When another
   * connection still has the file open, SQLite refuses the switch and the file simply stays in WAL
   * mode, which is harmless.
   */
  private void leaveWalMode() {
    if (depth > 0) {
      return;
    }
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode = DELETE")) {
      String mode = rs.next() ? rs.getString(1) : "?";
      LOG.debug("{}: journal mode {} on close", file, mode);
    } catch (SQLException e) {
      LOG.debug("{}: stays in WAL mode (open elsewhere?): {}", file, e.getMessage());
    }
  }

  private void closeStatements() {
    for (PreparedStatement ps : statements.values()) {
      closeQuietly(ps);
    }
    statements.clear();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing after a failure: the first error is the one worth reporting
      LOG.warn("close failed", e);
    }
  }

  private static void deleteQuietly(Path f) {
    for (Path p : new Path[] {f, FileCheck.walOf(f), FileCheck.shmOf(f)}) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        LOG.warn("could not delete {}", p, e);
      }
    }
  }

  // ---------------------------------------------------------------- reading

  /** Reads a whole project with one query per table (no per-row queries). */
  static final class SnapshotReader {
    private final Connection c;

    SnapshotReader(Connection c) {
      this.c = c;
    }

    static Project readProject(Connection c) throws SQLException {
      int version;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT title, review_question, reviewers, created, modified"
                      + " FROM project WHERE id = 1")) {
        if (!rs.next()) {
          return new Project("", "", "", null, null, version);
        }
        return new Project(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            instant(rs.getString(4)),
            instant(rs.getString(5)),
            version);
      }
    }

    private static Instant instant(String s) {
      return s == null || s.isEmpty() ? null : Instant.parse(s);
    }

    /**
     * A stored enum name; a value this version does not know (another tool wrote it) fails the read
     * with the place and the allowed values instead of a Java exception.
     */
    static <E extends Enum<E>> E enumOf(
        Class<E> type, ResultSet rs, int col, String row, String column) throws SQLException {
      return enumOf(type, rs.getString(col), row, column);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String text, String row, String column)
        throws SQLException {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(text)) {
          return e;
        }
      }
      throw new SQLException(
          Localization.lang(
              "persist.badValue",
              row,
              column,
              String.valueOf(text),
              java.util.Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(java.util.stream.Collectors.joining(", "))));
    }

    /** Months of a time point; NULL (written by another tool) is an error, not 0. */
    static double months(ResultSet rs, int col, long id) throws SQLException {
      double v = rs.getDouble(col);
      if (rs.wasNull()) {
        throw new SQLException(Localization.lang("persist.nullMonths", Long.toString(id)));
      }
      return v;
    }

    private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
      int v = rs.getInt(i);
      return rs.wasNull() ? null : v;
    }

    /** Equal provenances are shared: a project often repeats "Table 2" thousands of times. */
    private final Map<Provenance, Provenance> provenances = new HashMap<>();

    private Provenance prov(ResultSet rs, int i) throws SQLException {
      String src = rs.getString(i);
      String loc = rs.getString(i + 1);
      String quote = rs.getString(i + 2);
      String note = rs.getString(i + 3);
      if (src == null && loc.isEmpty() && quote.isEmpty() && note.isEmpty()) {
        return Provenance.NONE;
      }
      Provenance p =
          new Provenance(
              src == null ? null : enumOf(ProvenanceSource.class, src, "provenance", "source"),
              loc,
              quote,
              note);
      return provenances.computeIfAbsent(p, x -> x);
    }

    /**
     * The four provenance columns as one text, {@code source US location US quote US note} (US =
     * the ASCII unit separator, which a typed text does not contain), or NULL when all are empty.
     */
    static final String PROV_PACKED =
        "CASE WHEN prov_source IS NULL AND prov_location = ''"
            + " AND prov_quote = '' AND prov_note = '' THEN NULL ELSE coalesce(prov_source, '')"
            + " || char(31) || prov_location || char(31) || prov_quote || char(31) || prov_note END";

    private final Map<String, Provenance> packed = new HashMap<>();

    /** Reads the packed provenance at column {@code i}; the four plain columns follow it. */
    private Provenance packedProv(ResultSet rs, int i) throws SQLException {
      String s = rs.getString(i);
      if (s == null) {
        return Provenance.NONE;
      }
      Provenance p = packed.get(s);
      if (p == null) {
        int a = s.indexOf('\u001f');
        int b = s.indexOf('\u001f', a + 1);
        int c = s.indexOf('\u001f', b + 1);
        if (c < 0 || s.indexOf('\u001f', c + 1) >= 0) {
          return prov(rs, i + 1); // a text holds the separator itself: read the columns
        }
        String src = s.substring(0, a);
        p =
            new Provenance(
                src.isEmpty() ? null : enumOf(ProvenanceSource.class, src, "provenance", "source"),
                s.substring(a + 1, b),
                s.substring(b + 1, c),
                s.substring(c + 1));
        packed.put(s, p);
      }
      return p;
    }

    ProjectSummary summary() throws SQLException {
      Project project = readProject(c);
      Map<StudyStatus, Integer> byStatus = new EnumMap<>(StudyStatus.class);
      for (StudyStatus s : StudyStatus.values()) {
        byStatus.put(s, 0);
      }
      List<Outcome> outcomes = new ArrayList<>();
      List<TimePoint> timePoints = new ArrayList<>();
      Map<Long, Long> perTimePoint = new HashMap<>();
      Map<Long, Long> genericPerTimePoint = new HashMap<>();
      int studies = 0;
      try (Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT status, count(*) FROM study GROUP BY status")) {
          while (rs.next()) {
            byStatus.put(enumOf(StudyStatus.class, rs, 1, "study", "status"), rs.getInt(2));
            studies += rs.getInt(2);
          }
        }
        // values other commands read as enums: refused here too, so info agrees with them
        try (ResultSet rs = st.executeQuery("SELECT min(id), role FROM arm GROUP BY role")) {
          while (rs.next()) {
            enumOf(ArmRole.class, rs, 2, "arm " + rs.getLong(1), "role");
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT min(id), type FROM field GROUP BY type")) {
          while (rs.next()) {
            enumOf(FieldType.class, rs, 2, "field " + rs.getLong(1), "type");
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT id, " + OUTCOME_COLS + " FROM outcome ORDER BY display_order, id")) {
          while (rs.next()) {
            outcomes.add(readOutcome(rs));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT id, outcome_id, months, label FROM time_point" + " ORDER BY months, id")) {
          while (rs.next()) {
            timePoints.add(
                new TimePoint(
                    rs.getLong(1), rs.getLong(2), months(rs, 3, rs.getLong(1)), rs.getString(4)));
          }
        }
        // answered from the time point indexes, without touching the table rows
        try (ResultSet rs =
            st.executeQuery(
                "SELECT time_point_id, count(*) FROM measurement GROUP BY time_point_id")) {
          while (rs.next()) {
            perTimePoint.put(rs.getLong(1), rs.getLong(2));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT time_point_id, count(*) FROM generic_estimate GROUP BY time_point_id")) {
          while (rs.next()) {
            genericPerTimePoint.put(rs.getLong(1), rs.getLong(2));
          }
        }
        List<ProjectSummary.OutcomeSummary> list = new ArrayList<>();
        long measurements = 0;
        long generics = 0;
        for (Outcome o : outcomes) {
          List<TimePoint> tps = timePoints.stream().filter(t -> t.outcomeId() == o.id()).toList();
          long m = tps.stream().mapToLong(t -> perTimePoint.getOrDefault(t.id(), 0L)).sum();
          long g = tps.stream().mapToLong(t -> genericPerTimePoint.getOrDefault(t.id(), 0L)).sum();
          measurements += m;
          generics += g;
          list.add(new ProjectSummary.OutcomeSummary(o, tps, m, g));
        }
        return new ProjectSummary(
            project,
            studies,
            byStatus,
            count(st, "arm"),
            count(st, "field"),
            count(st, "characteristic_value"),
            measurements,
            generics,
            list,
            count(st, "table_layout"),
            count(st, "saved_analysis"));
      }
    }

    /**
     * Measurements matching {@code where} (an SQL condition with at most one {@code ?}, or "" for
     * all), read with one query.
     */
    List<Measurement> measurements(String where, long... args) throws SQLException {
      List<Measurement> result = new ArrayList<>();
      // A flag says whether the reported form is empty, so that its (usually empty) columns
      // are never fetched, and the provenance comes as one string (NULL when empty) that is
      // parsed once per distinct value: each column fetched costs a JNI call per row, and
      // 600,000 rows should load in about a second.
      String sql =
          "SELECT id, study_id, outcome_id, arm_id,"
              + " time_point_id, n, mean, sd, events, total, NULLIF(derivation, ''),"
              + " (se IS NOT NULL OR ci_lower IS NOT NULL OR ci_upper IS NOT NULL"
              + " OR median IS NOT NULL OR q1 IS NOT NULL OR q3 IS NOT NULL OR min IS NOT NULL"
              + " OR max IS NOT NULL OR percent_change IS NOT NULL),"
              + " se, ci_lower, ci_upper, median, q1, q3, min, max, percent_change, "
              + PROV_PACKED
              + ", prov_source, prov_location, prov_quote, prov_note"
              + " FROM measurement "
              + where
              + " ORDER BY id";
      try (PreparedStatement ps = prepare(sql, args)) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ReportedForm reported = ReportedForm.NONE;
            if (rs.getInt(12) != 0) {
              reported =
                  new ReportedForm(
                      cell(rs, 13),
                      cell(rs, 14),
                      cell(rs, 15),
                      cell(rs, 16),
                      cell(rs, 17),
                      cell(rs, 18),
                      cell(rs, 19),
                      cell(rs, 20),
                      cell(rs, 21));
            }
            String derivation = rs.getString(11);
            result.add(
                new Measurement(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    cell(rs, 6),
                    cell(rs, 7),
                    cell(rs, 8),
                    cell(rs, 9),
                    cell(rs, 10),
                    reported,
                    derivation == null ? "" : derivation,
                    packedProv(rs, 22)));
          }
        }
      }
      return result;
    }

    /** Generic estimates matching {@code where} (as for {@link #measurements}), one query. */
    List<GenericEstimate> genericEstimates(String where, long... args) throws SQLException {
      List<GenericEstimate> result = new ArrayList<>();
      String sql =
          "SELECT id, study_id, outcome_id, time_point_id,"
              + " effect, se, measure, prov_source, prov_location, prov_quote, prov_note"
              + " FROM generic_estimate "
              + where
              + " ORDER BY id";
      try (PreparedStatement ps = prepare(sql, args)) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            result.add(
                new GenericEstimate(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    cell(rs, 5),
                    cell(rs, 6),
                    rs.getString(7),
                    prov(rs, 8)));
          }
        }
      }
      return result;
    }

    private PreparedStatement prepare(String sql, long... args) throws SQLException {
      PreparedStatement ps = c.prepareStatement(sql);
      for (int i = 0; i < args.length; i++) {
        ps.setLong(i + 1, args[i]);
      }
      return ps;
    }

    private static int count(Statement st, String table) throws SQLException {
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        return rs.getInt(1);
      }
    }

    private static CellText cell(ResultSet rs, int i) throws SQLException {
      String s = CellCodec.read(rs, i);
      return s.isEmpty() ? CellText.EMPTY : new CellText(s);
    }

    /**
     * Parses a JSON array of strings with the streaming parser: creating an {@code ObjectMapper}
     * costs about a quarter of a second at start-up, which opening a project should not pay.
     */
    private List<String> strings(String s) throws SQLException {
      try (JsonParser p = JSON.createParser(s)) {
        if (p.nextToken() != JsonToken.START_ARRAY) {
          throw new SQLException("not a JSON list of strings: " + s);
        }
        List<String> result = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          if (t == null || t.isStructStart()) {
            throw new SQLException("not a JSON list of strings: " + s);
          }
          result.add(t == JsonToken.VALUE_NULL ? null : p.getText());
        }
        return result;
      } catch (IOException e) {
        throw new SQLException("not a JSON list of strings: " + s, e);
      }
    }

    static List<Study> studies(Statement st) throws SQLException {
      List<Study> studies = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery("SELECT id, " + STUDY_COLS + " FROM study ORDER BY display_order, id")) {
        while (rs.next()) {
          studies.add(
              new Study(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  intOrNull(rs, 5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getString(12),
                  rs.getString(13),
                  enumOf(StudyStatus.class, rs, 14, "study " + rs.getLong(1), "status"),
                  rs.getInt(15)));
        }
      }
      return studies;
    }

    ProjectData read() throws SQLException {
      return read(true);
    }

    /** The whole project; without measurements and generic estimates unless asked for. */
    ProjectData read(boolean withOutcomeData) throws SQLException {
      Project project = readProject(c);
      List<Study> studies = new ArrayList<>();
      List<CharacteristicField> fields = new ArrayList<>();
      List<CharacteristicValue> values = new ArrayList<>();
      List<Arm> arms = new ArrayList<>();
      List<Outcome> outcomes = new ArrayList<>();
      List<TimePoint> timePoints = new ArrayList<>();
      List<Measurement> measurements = new ArrayList<>();
      List<GenericEstimate> generics = new ArrayList<>();
      List<TableLayout> layouts = new ArrayList<>();
      List<SavedAnalysis> analyses = new ArrayList<>();
      try (Statement st = c.createStatement()) {
        studies.addAll(studies(st));
        try (ResultSet rs =
            st.executeQuery(
                "SELECT id, " + FIELD_COLS + " FROM field ORDER BY display_order, id")) {
          while (rs.next()) {
            fields.add(
                new CharacteristicField(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    enumOf(FieldType.class, rs, 5, "field " + rs.getLong(1), "type"),
                    rs.getString(6),
                    strings(rs.getString(7)),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getInt(10)));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT study_id, field_id, value, prov_source,"
                    + " prov_location, prov_quote, prov_note, value_zh FROM characteristic_value"
                    + " ORDER BY study_id, field_id")) {
          while (rs.next()) {
            values.add(
                new CharacteristicValue(
                    rs.getLong(1),
                    rs.getLong(2),
                    CellCodec.read(rs, 3),
                    prov(rs, 4),
                    rs.getString(8)));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT a.id, a.study_id, a.label, a.role,"
                    + " a.intervention, a.randomised, a.display_order FROM arm a JOIN study s"
                    + " ON s.id = a.study_id ORDER BY s.display_order, s.id, a.display_order, a.id")) {
          while (rs.next()) {
            arms.add(
                new Arm(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    enumOf(ArmRole.class, rs, 4, "arm " + rs.getLong(1), "role"),
                    rs.getString(5),
                    intOrNull(rs, 6),
                    rs.getInt(7)));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT id, " + OUTCOME_COLS + " FROM outcome ORDER BY display_order, id")) {
          while (rs.next()) {
            outcomes.add(readOutcome(rs));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT t.id, t.outcome_id, t.months, t.label"
                    + " FROM time_point t JOIN outcome o ON o.id = t.outcome_id"
                    + " ORDER BY o.display_order, o.id, t.months, t.id")) {
          while (rs.next()) {
            timePoints.add(
                new TimePoint(
                    rs.getLong(1), rs.getLong(2), months(rs, 3, rs.getLong(1)), rs.getString(4)));
          }
        }
        if (withOutcomeData) {
          measurements.addAll(measurements(""));
          generics.addAll(genericEstimates(""));
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT id, name, title_en, title_zh, field_keys,"
                    + " footnote_en, footnote_zh, row_field_key FROM table_layout ORDER BY id")) {
          while (rs.next()) {
            layouts.add(
                new TableLayout(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    strings(rs.getString(5)),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT id, name, settings_json, display_order"
                    + " FROM saved_analysis ORDER BY display_order, id")) {
          while (rs.next()) {
            analyses.add(
                new SavedAnalysis(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
          }
        }
      }
      return new ProjectData(
          project,
          studies,
          fields,
          values,
          arms,
          outcomes,
          timePoints,
          measurements,
          generics,
          layouts,
          analyses,
          layoutContent());
    }

    /** Per-layout values, headings and options, and the glossary. */
    LayoutContent layoutContent() throws SQLException {
      List<LayoutCell> cells = new ArrayList<>();
      List<LayoutColumn> columns = new ArrayList<>();
      List<LayoutOptions> options = new ArrayList<>();
      List<GlossaryEntry> glossary = new ArrayList<>();
      try (Statement st = c.createStatement()) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT layout_id, table_number, number_column, paper, landscape"
                    + " FROM layout_options ORDER BY layout_id")) {
          while (rs.next()) {
            options.add(
                new LayoutOptions(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getInt(3) != 0,
                    LayoutOptions.Paper.valueOf(rs.getString(4)),
                    rs.getInt(5) != 0));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT layout_id, column_key, heading_en, heading_zh, group_en, group_zh"
                    + " FROM layout_column ORDER BY layout_id, position, column_key")) {
          while (rs.next()) {
            columns.add(
                new LayoutColumn(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT layout_id, study_id, column_key, value_en, value_zh, prov_source,"
                    + " prov_location, prov_quote, prov_note, note_en, note_zh FROM layout_cell"
                    + " ORDER BY layout_id, study_id, column_key")) {
          while (rs.next()) {
            cells.add(
                new LayoutCell(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    prov(rs, 6),
                    rs.getString(10),
                    rs.getString(11)));
          }
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT abbreviation, en, zh FROM glossary ORDER BY abbreviation COLLATE NOCASE")) {
          while (rs.next()) {
            glossary.add(new GlossaryEntry(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
      }
      return new LayoutContent(cells, columns, options, glossary);
    }
  }

  // ---------------------------------------------------------------- bibliographic records (v6)

  private static final String REF_COLS =
      "study_id, authors, year, title, journal, volume, issue, pages, doi, pmid, registration,"
          + " abstract, keywords, language, source, display_order";

  @Override
  public org.ewb.model.StudyReference insertReference(org.ewb.model.StudyReference r) {
    return write(
        () -> {
          PreparedStatement ps =
              ps(
                  "INSERT INTO study_reference(id, "
                      + REF_COLS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          int i = 1;
          bindId(ps, i++, r.id());
          ps.setLong(i++, r.studyId());
          ps.setString(i++, r.authors());
          bindInt(ps, i++, r.year());
          ps.setString(i++, r.title());
          ps.setString(i++, r.journal());
          ps.setString(i++, r.volume());
          ps.setString(i++, r.issue());
          ps.setString(i++, r.pages());
          ps.setString(i++, r.doi());
          ps.setString(i++, r.pmid());
          ps.setString(i++, r.registration());
          ps.setString(i++, r.abstractText());
          ps.setString(i++, r.keywords());
          ps.setString(i++, r.language());
          ps.setString(i++, r.source());
          ps.setInt(i, r.displayOrder());
          ps.executeUpdate();
          return r.id() != 0 ? r : r.withId(lastId());
        });
  }

  @Override
  public List<org.ewb.model.StudyReference> references() {
    return read(
        () -> {
          List<org.ewb.model.StudyReference> out = new ArrayList<>();
          try (ResultSet rs =
              ps("SELECT id, "
                      + REF_COLS
                      + " FROM study_reference ORDER BY study_id, display_order, id")
                  .executeQuery()) {
            while (rs.next()) {
              int year = rs.getInt(4);
              Integer y = rs.wasNull() ? null : year;
              out.add(
                  new org.ewb.model.StudyReference(
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getString(3),
                      y,
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getString(9),
                      rs.getString(10),
                      rs.getString(11),
                      rs.getString(12),
                      rs.getString(13),
                      rs.getString(14),
                      rs.getString(15),
                      rs.getString(16),
                      rs.getInt(17)));
            }
          }
          return out;
        });
  }
}
