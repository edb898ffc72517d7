package org.ewb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ewb.logic.importing.DataImporter;
import org.ewb.logic.importing.DataTable;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import data FILE.csv|FILE.xlsx --project P.ewb}: outcome data from a spreadsheet. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Import outcome data from a CSV or xlsx file (first sheet) into a project, creating missing"
          + " studies, outcomes, arms and time points. Long layout: columns study, arm, role,"
          + " outcome, kind, unit, months, n, mean, sd | events, total | effect, se, measure;"
          + " optional reported_se, ci_lower, ci_upper, median, q1, q3, min, max,"
          + " percent_change, timepoint_label, source, location, quote, note.",
      "An outcome table written by 'export csv' is read too (its outcome is named by the file,"
          + " or --outcome)."
    })
public final class ImportDataCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV or xlsx file.")
  Path file;

  @Option(names = "--project", required = true, paramLabel = "P.ewb", description = "Project file.")
  Path project;

  @Option(
      names = "--outcome",
      paramLabel = "NAME",
      description = "Outcome of an exported table (default: from the file name).")
  String outcome;

  @Option(names = "--replace", description = "Replace values already in the project.")
  boolean replace;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE, Localization.lang("import.error.noFile", file));
    }
    DataImporter.Plan plan = DataImporter.read(DataTable.read(file), outcome);
    DataImporter.Result r;
    try (SqliteProjectStore store = SqliteProjectStore.open(project)) {
      r = DataImporter.apply(store, plan, replace);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("file", file.toAbsolutePath().normalize().toString());
      t.put("layout", plan.layout());
      t.put("rows", r.rows());
      t.put("studiesCreated", r.studiesCreated());
      t.put("armsCreated", r.armsCreated());
      t.put("outcomesCreated", r.outcomesCreated());
      t.put("timePointsCreated", r.timePointsCreated());
      t.put("measurements", r.measurements());
      t.put("genericEstimates", r.estimates());
      t.put("notes", r.notes());
      Json.print(out, t);
    } else {
      out.println(
          Localization.lang(
              "import.cli.data",
              r.rows(),
              file.getFileName(),
              plan.layout(),
              r.measurements(),
              r.estimates(),
              r.studiesCreated(),
              r.armsCreated(),
              r.outcomesCreated(),
              r.timePointsCreated()));
      r.notes().forEach(n -> out.println("  " + n));
      out.flush();
    }
    return ExitCodes.OK;
  }
}
