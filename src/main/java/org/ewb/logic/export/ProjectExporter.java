package org.ewb.logic.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a project's manuscript tables as one xlsx workbook or as CSV files, the entry point for
 * the command line and the UI. Files are written to a temporary file first and moved into place, so
 * a failed or cancelled export leaves any earlier file untouched.
 */
public final class ProjectExporter {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectExporter.class);

  private ProjectExporter() {}

  /** The tables the options ask for, in workbook order; tables without rows are left out. */
  public static List<ExportTable> tables(ProjectData data, ExportOptions options) {
    List<ExportTable> out = new ArrayList<>();
    if (options.tables().contains(TableKind.CHARACTERISTICS)) {
      out.add(
          CharacteristicsTableExporter.build(
              data, TableLayouts.find(data, options.layoutName()), options.lang()));
    }
    if (options.tables().contains(TableKind.OUTCOMES)) {
      out.addAll(OutcomeDataExporter.build(data, options.lang()));
    }
    if (options.tables().contains(TableKind.ANALYSES)) {
      out.addAll(AnalysisResultsExporter.build(data, options.lang()));
    }
    return out;
  }

  /** Writes the tables as sheets of one xlsx workbook at {@code file}, replacing it. */
  public static List<ExportTable> writeXlsx(
      ProjectData data, ExportOptions options, Path file, ExportProgress progress) {
    return writeXlsxReport(data, options, file, progress).tables();
  }

  /**
   * As {@link #writeXlsx}, and returns the warnings: texts longer than a cell can hold, cut with a
   * footnote mark (see {@link XlsxLimits}).
   */
  public static XlsxLimits.Fitted writeXlsxReport(
      ProjectData data, ExportOptions options, Path file, ExportProgress progress) {
    XlsxLimits.Fitted fitted = XlsxLimits.fit(tables(data, options), options.lang());
    for (String w : fitted.warnings()) {
      LOG.info("{}: {}", file, w);
    }
    writeAtomically(
        file,
        out -> {
          XlsxLimits.usePerUserTempFolder();
          XlsxTableWriter.write(fitted.tables(), options.lang(), out, progress);
        });
    LOG.info("exported {} table(s) to {}", fitted.tables().size(), file);
    return fitted;
  }

  /** Writes the tables as Word tables of one document at {@code file}, replacing it (ADR 0122). */
  public static List<ExportTable> writeDocx(
      ProjectData data, ExportOptions options, Path file, ExportProgress progress) {
    List<ExportTable> tables = tables(data, options);
    writeAtomically(file, out -> DocxTableWriter.write(tables, options.lang(), out, progress));
    LOG.info("exported {} table(s) to {}", tables.size(), file);
    return tables;
  }

  /**
   * Writes each table as a CSV file. If {@code out} ends in {@code .csv}, the files are {@code
   * <stem>-<table>.csv} next to it; otherwise {@code out} is a directory (created if missing)
   * holding {@code <table>.csv}. Returns the files written, in table order.
   */
  public static List<Path> writeCsv(
      ProjectData data, ExportOptions options, Path out, ExportProgress progress) {
    List<ExportTable> tables = tables(data, options);
    Path dir;
    String prefix;
    String fileName = out.getFileName() == null ? "" : out.getFileName().toString();
    if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      dir = out.toAbsolutePath().getParent();
      prefix = fileName.substring(0, fileName.length() - 4) + "-";
    } else {
      dir = out;
      prefix = "";
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE,
          "Cannot create the folder " + dir + ": " + e.getMessage(),
          e);
    }
    List<Path> files = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (ExportTable t : tables) {
      String stem = prefix + t.key();
      String name = stem + ".csv";
      for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
        name = stem + "-" + i + ".csv";
      }
      Path f = dir.resolve(name);
      writeAtomically(f, o -> CsvTableWriter.write(t, o, progress));
      files.add(f);
    }
    LOG.info("exported {} CSV file(s) to {}", files.size(), dir);
    return files;
  }

  /** Something that writes to a stream. */
  @FunctionalInterface
  private interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  private static void writeAtomically(Path file, StreamWriter writer) {
    Path target = file.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE, "Cannot write " + target + ": it is a folder");
    }
    Path tmp = null;
    try {
      Path parent = target.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // a sibling temporary file created like any other file (umask permissions, unlike
      // createTempFile's owner-only ones), so the moved result is readable as usual
      tmp =
          (parent == null ? Path.of(".") : parent)
              .resolve("." + target.getFileName() + "-" + java.util.UUID.randomUUID() + ".tmp");
      try (OutputStream out =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        writer.write(out);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE,
          "Cannot write " + target + ": " + org.ewb.logic.l10n.Localization.plain(e.getMessage()),
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.warn("could not delete temporary file {}", tmp, e);
        }
      }
    }
  }
}
