package org.ewb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.project.ProjectSummary;
import org.ewb.logic.validation.ProjectValidator;
import org.ewb.model.CellText;
import org.ewb.model.Outcome;
import org.ewb.model.Project;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code info FILE [--json]}: what a project holds, read without modifying the file. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Show what a project holds: title, studies, arms, fields, outcomes with their "
            + "time points, measurements. The file is only read.")
public final class InfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The project file (*.ewb).")
  Path file;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    ProjectSummary d = SqliteProjectStore.readSummary(file);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, tree(file, d));
    } else {
      printText(out, d);
    }
    return ExitCodes.OK;
  }

  /** The JSON object of {@code info --json}. */
  static Map<String, Object> tree(Path file, ProjectSummary d) {
    Map<String, Object> t = new LinkedHashMap<>();
    Project p = d.project();
    t.put("file", file.toAbsolutePath().normalize().toString());
    t.put("title", p.title());
    t.put("reviewQuestion", p.reviewQuestion());
    t.put("reviewers", p.reviewers());
    t.put("created", p.created() == null ? null : p.created().toString());
    t.put("modified", p.modified() == null ? null : p.modified().toString());
    t.put("schemaVersion", p.schemaVersion());
    t.put("studies", d.studies());
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (StudyStatus s : StudyStatus.values()) {
      byStatus.put(s.name().toLowerCase(Locale.ROOT), d.studiesByStatus().getOrDefault(s, 0));
    }
    t.put("studiesByStatus", byStatus);
    t.put("arms", d.arms());
    t.put("fields", d.fields());
    t.put("characteristicValues", d.characteristicValues());
    t.put("measurements", d.measurements());
    t.put("genericEstimates", d.genericEstimates());
    List<Map<String, Object>> outcomes = new ArrayList<>();
    for (ProjectSummary.OutcomeSummary os : d.outcomes()) {
      Outcome o = os.outcome();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", o.name());
      m.put("kind", o.kind().name().toLowerCase(Locale.ROOT));
      m.put("unit", o.unit());
      m.put("lowerIsBetter", o.lowerIsBetter());
      m.put("timepoints", os.timePoints().stream().map(tp -> Json.months(tp.months())).toList());
      m.put("measurements", os.measurements());
      m.put("genericEstimates", os.genericEstimates());
      outcomes.add(m);
    }
    t.put("outcomes", outcomes);
    t.put("tableLayouts", d.tableLayouts());
    t.put("savedAnalyses", d.savedAnalyses());
    return t;
  }

  private void printText(PrintWriter out, ProjectSummary d) {
    out.println(Localization.lang("cli.info.title", d.project().title()));
    out.println(Localization.lang("cli.info.file", file.toAbsolutePath().normalize()));
    out.println(
        Localization.lang("cli.info.schema", Integer.toString(d.project().schemaVersion())));
    out.println(
        Localization.lang(
            "cli.info.studies",
            Integer.toString(d.studies()),
            Integer.toString(d.studiesByStatus().getOrDefault(StudyStatus.INCLUDED, 0))));
    out.println(Localization.lang("cli.info.arms", Integer.toString(d.arms())));
    out.println(Localization.lang("cli.info.fields", Integer.toString(d.fields())));
    out.println(
        Localization.lang(
            "cli.info.measurements",
            Long.toString(d.measurements()),
            Long.toString(d.genericEstimates())));
    out.println(Localization.lang("cli.info.outcomes", Integer.toString(d.outcomes().size())));
    for (ProjectSummary.OutcomeSummary os : d.outcomes()) {
      Outcome o = os.outcome();
      List<TimePoint> tps = os.timePoints();
      String months =
          tps.stream().map(tp -> CellText.of(tp.months()).text()).collect(Collectors.joining(", "));
      out.println(
          "  "
              + Localization.lang(
                  "cli.info.outcome",
                  o.name(),
                  o.kind().name().toLowerCase(Locale.ROOT),
                  o.unit().isEmpty() ? "-" : o.unit(),
                  months.isEmpty() ? "-" : months,
                  tps.stream()
                      .map(ProjectValidator::timePointLabel)
                      .collect(Collectors.joining(", "))));
    }
    out.flush();
  }
}
