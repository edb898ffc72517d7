package org.ewb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.validation.ProjectValidator;
import org.ewb.model.CellText;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
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
    ProjectData d = SqliteProjectStore.readSnapshot(file);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, tree(file, d));
    } else {
      printText(out, d);
    }
    return ExitCodes.OK;
  }

  /** The JSON object of {@code info --json}. */
  static Map<String, Object> tree(Path file, ProjectData d) {
    Map<Long, Long> perOutcome =
        d.measurements().stream()
            .collect(Collectors.groupingBy(m -> m.outcomeId(), Collectors.counting()));
    Map<Long, Long> genericPerOutcome =
        d.genericEstimates().stream()
            .collect(Collectors.groupingBy(g -> g.outcomeId(), Collectors.counting()));
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("file", file.toAbsolutePath().normalize().toString());
    t.put("title", d.project().title());
    t.put("reviewQuestion", d.project().reviewQuestion());
    t.put("reviewers", d.project().reviewers());
    t.put("created", d.project().created() == null ? null : d.project().created().toString());
    t.put("modified", d.project().modified() == null ? null : d.project().modified().toString());
    t.put("schemaVersion", d.project().schemaVersion());
    t.put("studies", d.studies().size());
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (StudyStatus s : StudyStatus.values()) {
      byStatus.put(
          s.name().toLowerCase(java.util.Locale.ROOT),
          d.studies().stream().filter(x -> x.status() == s).count());
    }
    t.put("studiesByStatus", byStatus);
    t.put("arms", d.arms().size());
    t.put("fields", d.fields().size());
    t.put("characteristicValues", d.values().size());
    t.put("measurements", d.measurements().size());
    t.put("genericEstimates", d.genericEstimates().size());
    List<Map<String, Object>> outcomes = new ArrayList<>();
    for (Outcome o : d.outcomes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", o.name());
      m.put("kind", o.kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("unit", o.unit());
      m.put("lowerIsBetter", o.lowerIsBetter());
      m.put(
          "timepoints",
          d.timePointsOf(o.id()).stream().map(tp -> Json.months(tp.months())).toList());
      m.put(
          "measurements",
          perOutcome.getOrDefault(o.id(), 0L) + genericPerOutcome.getOrDefault(o.id(), 0L));
      outcomes.add(m);
    }
    t.put("outcomes", outcomes);
    t.put("tableLayouts", d.layouts().size());
    t.put("savedAnalyses", d.analyses().size());
    return t;
  }

  private void printText(PrintWriter out, ProjectData d) {
    long included = d.studies().stream().filter(s -> s.status() == StudyStatus.INCLUDED).count();
    out.println(Localization.lang("cli.info.title", d.project().title()));
    out.println(Localization.lang("cli.info.file", file.toAbsolutePath().normalize()));
    out.println(
        Localization.lang("cli.info.schema", Integer.toString(d.project().schemaVersion())));
    out.println(
        Localization.lang(
            "cli.info.studies", Integer.toString(d.studies().size()), Long.toString(included)));
    out.println(Localization.lang("cli.info.arms", Integer.toString(d.arms().size())));
    out.println(Localization.lang("cli.info.fields", Integer.toString(d.fields().size())));
    out.println(
        Localization.lang(
            "cli.info.measurements",
            Integer.toString(d.measurements().size()),
            Integer.toString(d.genericEstimates().size())));
    out.println(Localization.lang("cli.info.outcomes", Integer.toString(d.outcomes().size())));
    for (Outcome o : d.outcomes()) {
      List<TimePoint> tps = d.timePointsOf(o.id());
      String months =
          tps.stream().map(tp -> CellText.of(tp.months()).text()).collect(Collectors.joining(", "));
      out.println(
          "  "
              + Localization.lang(
                  "cli.info.outcome",
                  o.name(),
                  o.kind().name().toLowerCase(java.util.Locale.ROOT),
                  o.unit().isEmpty() ? "-" : o.unit(),
                  months.isEmpty() ? "-" : months,
                  tps.stream()
                      .map(ProjectValidator::timePointLabel)
                      .collect(Collectors.joining(", "))));
    }
    out.flush();
  }
}
