package org.ewb.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ewb.logic.figure.Figure;
import org.ewb.logic.figure.FigureRequest;
import org.ewb.logic.figure.Figures;
import org.ewb.logic.figure.export.FigureExporter;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.meta.overtime.ChangeFromBaseline;
import org.ewb.model.ProjectData;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plot forest|funnel|followup}: draws a figure of a project outcome and writes it as PNG,
 * SVG or PDF (by the extension of {@code --out}) at a width in mm and, for PNG, a DPI.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a forest plot, funnel plot or follow-up chart of a project outcome.",
      "The format follows the extension of --out: .png, .svg or .pdf."
    })
public final class PlotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "forest, funnel or followup")
  String kind;

  @Option(names = "--project", required = true, paramLabel = "FILE", description = "*.ewb file")
  Path project;

  @Option(names = "--outcome", required = true, paramLabel = "NAME", description = "outcome")
  String outcome;

  @Option(
      names = "--timepoint",
      paramLabel = "MONTHS",
      description = "time point (months); needed when the outcome has several")
  Double timepoint;

  @Option(
      names = "--measure",
      paramLabel = "M",
      description =
          "RR, OR, RD, MD, SMD or GEN (default: RR for events, MD for means, GEN); follow-up with"
              + " --pooled also MN, PR, PLO: pooled mean / proportion per arm role")
  String measure;

  @Option(
      names = "--model",
      paramLabel = "M",
      description = "EE, MH, PETO, DL, REML, ML, PM, HE, SJ, EB (default: ${DEFAULT-VALUE})")
  String model = "REML";

  @Option(names = "--test", paramLabel = "T", description = "z or knha (default: ${DEFAULT-VALUE})")
  String test = "z";

  @Option(names = "--subgroup", paramLabel = "FIELD", description = "subgroups by a field key")
  String subgroup;

  @Option(
      names = "--columns",
      paramLabel = "FIELD,...",
      split = ",",
      description = "characteristic fields shown as extra forest-plot columns")
  List<String> columns = List.of();

  @Option(
      names = "--sort",
      paramLabel = "KEY",
      description = "forest plot order: study, effect, weight or a field key; -KEY descending")
  String sort;

  @Option(
      names = "--error-bars",
      paramLabel = "sd|ci|none",
      description = "follow-up chart error bars (default: ${DEFAULT-VALUE})")
  String errorBars = "sd";

  @Option(
      names = "--pooled",
      description =
          "follow-up chart: the meta-analysis at every time point (with --subgroup: a line per level)")
  boolean pooled;

  @Option(
      names = "--windows",
      paramLabel = "MONTHS",
      description =
          "follow-up chart with --pooled: time windows pooled as one point, e.g. 3-6,12,18-24")
  String windows;

  @Option(
      names = "--change-from-baseline",
      description =
          "follow-up chart with --pooled: change from baseline (0 months), SDs derived with the"
              + " correlation --change-rho; measures MD, SMD, MN")
  boolean changeFromBaseline;

  @Option(
      names = "--change-rho",
      paramLabel = "R",
      description = "--change-from-baseline: correlation of baseline and follow-up (default 0.5)")
  Double changeRho;

  @Option(names = "--contours", description = "funnel plot: contour-enhanced (p 0.01/0.05/0.10)")
  boolean contours;

  @Option(names = "--egger", description = "funnel plot: Egger's regression line")
  boolean egger;

  @Option(names = "--trimfill", description = "funnel plot: trim-and-fill studies (open circles)")
  boolean trimfill;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = ".png .svg .pdf")
  Path out;

  @Option(
      names = "--dpi",
      paramLabel = "N",
      description = "PNG resolution (default: ${DEFAULT-VALUE})")
  int dpi = 300;

  @Option(
      names = "--width-mm",
      paramLabel = "MM",
      description = "width (default: ${DEFAULT-VALUE})")
  double widthMm = 170;

  @Option(
      names = "--height-mm",
      paramLabel = "MM",
      description = "height (default: what the figure needs at that width)")
  double heightMm;

  @Option(names = "--lang", paramLabel = "en|zh", description = "figure language (default: en)")
  String lang = "en";

  @Override
  public Integer call() {
    if (!lang.equalsIgnoreCase("en") && !lang.equalsIgnoreCase("zh")) {
      throw new WorkbenchException(
          WorkbenchException.Kind.USAGE, Localization.lang("figure.error.lang", lang));
    }
    Locale before = Localization.locale();
    Localization.setLocale(Localization.forLanguage(lang));
    try {
      FigureExporter.Format.of(out);
      ProjectData data = SqliteProjectStore.readSnapshot(project);
      FigureRequest request =
          new FigureRequest(
              FigureRequest.Kind.parse(kind),
              outcome,
              timepoint,
              measure,
              model,
              test,
              subgroup,
              columns,
              FigureRequest.errorBars(errorBars),
              contours,
              egger,
              trimfill,
              sort,
              pooled,
              windows);
      if (changeRho != null && !changeFromBaseline) {
        throw new WorkbenchException(
            WorkbenchException.Kind.USAGE, "--change-rho belongs to --change-from-baseline");
      }
      if (changeFromBaseline) {
        if (!pooled) {
          throw new WorkbenchException(
              WorkbenchException.Kind.USAGE,
              "--change-from-baseline belongs to the pooled follow-up chart (--pooled)");
        }
        request =
            request.withChangeRho(changeRho == null ? ChangeFromBaseline.DEFAULT_RHO : changeRho);
      }
      Figure figure = Figures.build(data, request);
      FigureExporter.Result r = FigureExporter.export(figure, out, widthMm, heightMm, dpi);
      String size =
          String.format(Locale.ROOT, "%.0f x %.0f mm", r.widthMm(), r.heightMm())
              + (r.widthPx() > 0 ? " (" + r.widthPx() + " x " + r.heightPx() + " px)" : "");
      spec.commandLine().getOut().println(Localization.lang("figure.cli.wrote", out, size));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } finally {
      Localization.setLocale(before);
    }
  }
}
