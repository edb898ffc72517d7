package org.ewb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.figure.Figures;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.AnalysisOptions;
import org.ewb.logic.meta.AnalysisOutcome;
import org.ewb.logic.meta.CsvStudyReader;
import org.ewb.logic.meta.Measure;
import org.ewb.logic.meta.MetaAnalysisRunner;
import org.ewb.logic.meta.ProjectAnalysisInput;
import org.ewb.logic.meta.ReportText;
import org.ewb.logic.meta.StudyTable;
import org.ewb.logic.meta.TestType;
import org.ewb.logic.meta.multivariate.CovarianceStructure;
import org.ewb.logic.meta.overtime.ArmMeasure;
import org.ewb.logic.meta.overtime.ChangeFromBaseline;
import org.ewb.logic.meta.overtime.OverTimeAnalysis;
import org.ewb.logic.meta.overtime.OverTimeReport;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code analyze}: meta-analysis of a CSV file or of one outcome of a project (issue 3). */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Meta-analysis matching R's metafor: effect sizes, common-effect, Mantel-Haenszel, Peto and"
          + " random-effects models, subgroups and meta-regression.",
      "CSV columns: study, then events_e,total_e,events_c,total_c | mean_e,sd_e,n_e,mean_c,sd_c,n_c"
          + " | yi with se or vi; other columns can be used by --subgroup / --moderator."
    })
public final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--csv", paramLabel = "FILE", description = "CSV file with one row per study")
  Path csv;

  @Option(names = "--project", paramLabel = "FILE", description = "project file (*.ewb)")
  Path project;

  @Option(names = "--outcome", paramLabel = "NAME", description = "outcome of the project")
  String outcome;

  @Option(
      names = "--timepoint",
      paramLabel = "MONTHS",
      description = "time point (months from baseline) of the outcome")
  Double timepoint;

  @Option(
      names = "--measure",
      paramLabel = "RR|OR|RD|MD|SMD|GEN|MN|PR|PLO",
      description =
          "effect measure (required; with --over-time the outcome's default; MN, PR, PLO: pooled"
              + " mean / proportion / logit proportion per arm role, --over-time only)")
  String measure;

  @Option(
      names = "--model",
      paramLabel = "EE|MH|PETO|DL|REML|ML|PM|HE|SJ|EB",
      description = "model / tau^2 estimator (required; with --over-time REML by default)")
  String model;

  @Option(
      names = "--test",
      defaultValue = "z",
      paramLabel = "z|knha",
      description = "z (default) or knha (Hartung-Knapp)")
  String test;

  @Option(names = "--subgroup", paramLabel = "COLUMN", description = "subgroup analysis by column")
  String subgroup;

  @Option(
      names = "--moderator",
      paramLabel = "COLUMN",
      description = "meta-regression on a numeric column")
  String moderator;

  @Option(names = "--drop00", description = "drop double-zero studies (inverse-variance models)")
  boolean drop00;

  @Option(
      names = "--add",
      paramLabel = "X",
      description = "value added to cells of zero-cell tables (default 0.5; 0 = none)")
  Double add;

  @Option(
      names = "--mh-cc",
      description =
          "Mantel-Haenszel: also add the correction inside zero-cell tables and drop double-zero"
              + " tables from the pooled estimate")
  boolean mhCc;

  @Option(names = "--json", description = "print one JSON object (metafor reference field names)")
  boolean json;

  @Option(
      names = "--bias",
      description = "small-study effects: Egger (rma and lm), Begg rank test, trim and fill")
  boolean bias;

  @Option(names = "--leave1out", description = "leave-one-out analysis")
  boolean leave1out;

  @Option(names = "--cumulative", description = "cumulative meta-analysis in data order")
  boolean cumulative;

  @Option(
      names = "--over-time",
      description =
          "project outcome: a meta-analysis at every time point, and a multivariate REML model"
              + " over the time points (metafor rma.mv, random = ~ time | study)")
  boolean overTime;

  @Option(
      names = "--structure",
      defaultValue = "CS",
      paramLabel = "CS|HCS|AR|CAR",
      description = "--over-time: covariance of the true effects over time (default CS)")
  String structure;

  @Option(
      names = "--rho",
      defaultValue = "0.5",
      paramLabel = "R",
      description = "--over-time: within-study correlation of two time points (default 0.5)")
  double rho;

  @Option(
      names = "--change-from-baseline",
      description =
          "--over-time: change from the baseline (0 months) values, SDs derived with the"
              + " correlation --change-rho (default 0.5); measures MD, SMD, MN")
  boolean changeFromBaseline;

  @Option(
      names = "--change-rho",
      paramLabel = "R",
      description =
          "--change-from-baseline: correlation between baseline and follow-up values (default"
              + " 0.5)")
  Double changeRho;

  @Option(
      names = "--windows",
      paramLabel = "MONTHS",
      description = "--over-time: time windows pooled as one point, e.g. 3-6,12,18-24")
  String windows;

  @Override
  public Integer call() throws IOException {
    // data that cannot be analysed as asked ends in exit code 1 (ExitCodes)
    return analyze();
  }

  private int analyze() throws IOException {
    if (overTime) {
      return analyzeOverTime();
    }
    if (measure == null) {
      throw usage("Missing required option: '--measure=RR|OR|RD|MD|SMD|GEN'");
    }
    if (model == null) {
      throw usage("Missing required option: '--model=EE|MH|PETO|DL|REML|ML|PM|HE|SJ|EB'");
    }
    StudyTable table = readInput();
    AnalysisOptions options =
        new AnalysisOptions(
            parseMeasure(),
            model.toUpperCase(Locale.ROOT),
            parseTest(),
            subgroup,
            moderator,
            drop00,
            add,
            mhCc);
    if (add != null && !(add >= 0)) {
      throw usage("--add must be a number >= 0, was " + add);
    }
    AnalysisOutcome outcome = MetaAnalysisRunner.run(table, options);
    BiasSensitivitySections extra =
        BiasSensitivitySections.forOutcome(
            outcome, new BiasSensitivitySections.Options(bias, leave1out, cumulative));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      // compact and streamed (10^5 studies are ~20 MB), without Jackson data binding
      Map<String, Object> fields = outcome.fields();
      if (extra != null) {
        fields.putAll(extra.json());
      }
      Json.printCompact(out, fields);
    } else {
      out.print(ReportText.render(outcome));
      if (extra != null) {
        out.print(extra.text());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private int analyzeOverTime() {
    if (project == null || outcome == null || csv != null) {
      throw usage("--over-time needs --project FILE --outcome NAME");
    }
    if (timepoint != null || moderator != null || bias || leave1out || cumulative) {
      throw usage(
          "--over-time analyses every time point; --timepoint, --moderator, --bias,"
              + " --leave1out and --cumulative do not apply");
    }
    if (!java.nio.file.Files.isRegularFile(project)) {
      throw new WorkbenchException(WorkbenchException.Kind.FILE, "no such file: " + project);
    }
    CovarianceStructure struct = CovarianceStructure.parse(structure);
    Optional<ArmMeasure> perArm = ArmMeasure.parse(measure);
    if (changeRho != null && !changeFromBaseline) {
      throw usage("--change-rho belongs to --change-from-baseline");
    }
    ProjectData data = SqliteProjectStore.readSnapshot(project);
    FigureRequest request =
        new FigureRequest(
            FigureRequest.Kind.FOLLOWUP,
            outcome,
            null,
            measure == null
                ? null
                : perArm.isPresent() ? perArm.get().name() : parseMeasure().name(),
            model == null ? "REML" : model.toUpperCase(Locale.ROOT),
            test,
            subgroup,
            List.of(),
            null,
            false,
            false,
            false,
            null,
            true,
            windows);
    if (changeFromBaseline) {
      request =
          request.withChangeRho(changeRho == null ? ChangeFromBaseline.DEFAULT_RHO : changeRho);
    }
    OverTimeAnalysis.Result perTime = Figures.overTime(data, request);
    // per-arm values are not effects of one study over time: no multivariate model for them
    OverTimeReport report =
        perArm.isPresent()
            ? OverTimeReport.perTimePointOnly(perTime, request.model())
            : OverTimeReport.of(perTime, request.model(), struct, rho);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.printCompact(out, report.fields());
    } else {
      out.print(report.text());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private StudyTable readInput() throws IOException {
    if ((csv == null) == (project == null)) {
      throw usage("give either --csv FILE or --project FILE --outcome NAME");
    }
    if (csv != null) {
      if (outcome != null || timepoint != null) {
        throw usage("--outcome and --timepoint belong to --project");
      }
      InputFiles.requireReadable(csv);
      try (Reader r = InputFiles.utf8Reader(csv)) {
        return CsvStudyReader.read(r, csv.toString());
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new WorkbenchException(
            WorkbenchException.Kind.FILE, Localization.lang("cli.csv.notUtf8", csv.toString()));
      } catch (IOException e) {
        throw new WorkbenchException(
            WorkbenchException.Kind.FILE,
            Localization.lang(
                "persist.unreadable", csv.toString(), String.valueOf(e.getMessage())));
      }
    }
    if (outcome == null) {
      throw usage("--project needs --outcome NAME");
    }
    return ProjectAnalysisInput.build(SqliteProjectStore.readSnapshot(project), outcome, timepoint);
  }

  private Measure parseMeasure() {
    try {
      Measure m = Measure.valueOf(measure.toUpperCase(Locale.ROOT));
      if (m == Measure.PETO || m == Measure.ZCOR) {
        throw new IllegalArgumentException();
      }
      return m;
    } catch (IllegalArgumentException e) {
      throw usage("unknown --measure '" + measure + "' (RR, OR, RD, MD, SMD, GEN)");
    }
  }

  private TestType parseTest() {
    return switch (test.toLowerCase(Locale.ROOT)) {
      case "z" -> TestType.Z;
      case "knha" -> TestType.KNHA;
      default -> throw usage("unknown --test '" + test + "' (z or knha)");
    };
  }

  private static WorkbenchException usage(String m) {
    return new WorkbenchException(WorkbenchException.Kind.USAGE, m);
  }
}
