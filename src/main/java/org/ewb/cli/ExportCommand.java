package org.ewb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ewb.logic.export.ExportOptions;
import org.ewb.logic.export.ExportProgress;
import org.ewb.logic.export.ExportTable;
import org.ewb.logic.export.ProjectExporter;
import org.ewb.logic.export.TableKind;
import org.ewb.logic.export.XlsxLimits;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export xlsx|docx|csv}: writes the manuscript tables of a project (characteristics of
 * included studies, outcome data, analysis results) as one workbook, one Word document or as CSV
 * files.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export manuscript tables: characteristics of included studies, outcome data, analyses.",
      "xlsx: one workbook, a sheet per table. docx: one Word document, a Word table per table."
          + " csv: one UTF-8 (BOM) file per table; --out is a"
          + " folder (files <table>.csv) or a name ending in .csv (files <name>-<table>.csv)."
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FORMAT", description = "xlsx, docx or csv")
  String format;

  @Option(
      names = "--project",
      required = true,
      paramLabel = "FILE",
      description = "Project file (*.ewb); it is only read.")
  Path project;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "PATH",
      description = "Workbook (xlsx) or document (docx) to write, or folder / name.csv (csv).")
  Path out;

  @Option(
      names = "--tables",
      split = ",",
      paramLabel = "TABLE",
      description = "Any of characteristics,outcomes,analyses (default: all).")
  List<String> tables;

  @Option(
      names = "--layout",
      paramLabel = "NAME",
      description = "Table layout for the characteristics table (default: every field).")
  String layout;

  @Option(
      names = "--lang",
      defaultValue = "en",
      paramLabel = "LANG",
      description = "Language of headers and notes: en or zh (default: ${DEFAULT-VALUE}).")
  String lang;

  @Override
  public Integer call() {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("xlsx") && !fmt.equals("docx") && !fmt.equals("csv")) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, "Unknown format '" + format + "'; use xlsx, docx or csv");
    }
    Set<TableKind> kinds = EnumSet.noneOf(TableKind.class);
    if (tables != null) {
      tables.forEach(t -> kinds.add(TableKind.parse(t)));
    }
    ExportOptions options = new ExportOptions(kinds, layout, lang.toLowerCase(Locale.ROOT));
    Path target = out.toAbsolutePath().normalize();
    if (target.equals(project.toAbsolutePath().normalize())
        || target.toString().toLowerCase(Locale.ROOT).endsWith(".ewb")) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE,
          "--out " + out + " looks like a project file; export never writes over a project");
    }
    ProjectData data = SqliteProjectStore.readSnapshot(project);
    PrintWriter w = spec.commandLine().getOut();
    if (fmt.equals("xlsx")) {
      XlsxLimits.Fitted fitted =
          ProjectExporter.writeXlsxReport(data, options, target, ExportProgress.NONE);
      List<ExportTable> written = fitted.tables();
      for (String warning : fitted.warnings()) {
        spec.commandLine().getErr().println("warning: " + warning);
      }
      spec.commandLine().getErr().flush();
      w.println("Wrote " + target);
      for (ExportTable t : written) {
        w.println("  sheet " + t.name() + ": " + t.rows().size() + " rows");
      }
    } else if (fmt.equals("docx")) {
      List<ExportTable> written =
          ProjectExporter.writeDocx(data, options, target, ExportProgress.NONE);
      w.println("Wrote " + target);
      for (ExportTable t : written) {
        w.println("  table " + t.name() + ": " + t.rows().size() + " rows");
      }
    } else {
      for (Path f : ProjectExporter.writeCsv(data, options, target, ExportProgress.NONE)) {
        w.println("Wrote " + f);
      }
    }
    w.flush();
    return ExitCodes.OK;
  }
}
