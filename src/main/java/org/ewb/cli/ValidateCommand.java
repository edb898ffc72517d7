package org.ewb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.validation.Problem;
import org.ewb.logic.validation.ProjectValidator;
import org.ewb.model.Arm;
import org.ewb.model.Outcome;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.ewb.model.TimePoint;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE [--json]}: lists every data problem with its place. Exit code 0 when there
 * is no error (warnings are listed but do not fail), 1 when at least one error is found, 2 when the
 * file cannot be read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "List every data problem with its place (study, outcome, arm, time point). "
            + "Exit code 0: no errors (warnings may be listed); 1: errors found; 2: file or usage error.")
public final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The project file (*.ewb).")
  Path file;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    // validate is how a reviewer checks a file: quick_check runs even if it passed unchanged before
    ProjectData d = SqliteProjectStore.readSnapshot(file, false);
    List<Problem> problems = ProjectValidator.validate(d);
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, tree(d, problems, errors, warnings));
    } else {
      for (Problem p : problems) {
        out.println(
            Localization.lang(
                p.isError() ? "cli.validate.error" : "cli.validate.warning", p.message()));
      }
      String name = file.toString();
      out.println(
          problems.isEmpty()
              ? Localization.lang("cli.validate.none", name)
              : Localization.lang(
                  "cli.validate.summary", name, Long.toString(errors), Long.toString(warnings)));
      out.flush();
    }
    return errors > 0 ? ExitCodes.DATA_PROBLEMS : ExitCodes.OK;
  }

  private Map<String, Object> tree(
      ProjectData d, List<Problem> problems, long errors, long warnings) {
    Map<Long, Study> studies = d.studiesById();
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    d.outcomes().forEach(o -> outcomes.put(o.id(), o));
    Map<Long, Arm> arms = new LinkedHashMap<>();
    d.arms().forEach(a -> arms.put(a.id(), a));
    Map<Long, TimePoint> tps = new LinkedHashMap<>();
    d.timePoints().forEach(t -> tps.put(t.id(), t));
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("file", file.toAbsolutePath().normalize().toString());
    t.put("errors", errors);
    t.put("warnings", warnings);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
      Study s = studies.get(p.studyId());
      m.put("studyId", p.studyId());
      m.put("study", s == null ? null : s.label());
      if (p.outcomeId() != 0) {
        Outcome o = outcomes.get(p.outcomeId());
        m.put("outcomeId", p.outcomeId());
        m.put("outcome", o == null ? null : o.name());
      }
      if (p.armId() != 0) {
        Arm a = arms.get(p.armId());
        m.put("armId", p.armId());
        m.put("arm", a == null ? null : a.label());
      }
      if (p.timePointId() != 0) {
        TimePoint tp = tps.get(p.timePointId());
        m.put("timePointId", p.timePointId());
        m.put("months", tp == null ? null : Json.months(tp.months()));
      }
      m.put("column", p.column());
      m.put("problem", p.detail());
      m.put("message", p.message());
      list.add(m);
    }
    t.put("problems", list);
    return t;
  }
}
