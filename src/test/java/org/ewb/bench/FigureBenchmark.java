package org.ewb.bench;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ewb.logic.figure.ForestLayout;
import org.ewb.logic.figure.ForestPlotModel;
import org.ewb.logic.figure.ForestPlotRenderer;
import org.ewb.logic.figure.export.FigureExporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to lay out and export a forest plot of k random studies (fixed seed) at 170 mm: layout only
 * (what the analysis view redoes on every edit), PNG at 300 dpi, SVG and PDF. Run:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main FigureBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class FigureBenchmark {

  @Param({"13", "60"})
  int k;

  private ForestPlotRenderer renderer;
  private static final double W = 170 * 72 / 25.4;
  private double h;

  @Setup(Level.Trial)
  public void setup() {
    Random rnd = new Random(42);
    List<ForestPlotModel.StudyRow> rows = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double y = rnd.nextGaussian() * 0.5 - 0.5;
      double se = 0.1 + rnd.nextDouble() * 0.5;
      rows.add(
          new ForestPlotModel.StudyRow(
              "Study " + (i + 1) + " et al " + (1950 + i),
              List.of(
                  "" + rnd.nextInt(100),
                  "" + (100 + rnd.nextInt(900)),
                  "" + rnd.nextInt(100),
                  "" + (100 + rnd.nextInt(900))),
              y,
              y - 1.96 * se,
              y + 1.96 * se,
              100.0 / k));
    }
    List<ForestPlotModel.Column> cols =
        List.of(
            new ForestPlotModel.Column("Experimental", "Events"),
            new ForestPlotModel.Column("Experimental", "Total"),
            new ForestPlotModel.Column("Control", "Events"),
            new ForestPlotModel.Column("Control", "Total"));
    ForestPlotModel m =
        new ForestPlotModel(
            "Study",
            cols,
            "Weight",
            "Risk Ratio",
            "IV, Random (REML), 95% CI",
            "95% CI",
            List.of(new ForestPlotModel.Group("", rows, null, List.of())),
            List.of(
                new ForestPlotModel.Summary(
                    "Total (95% CI)", List.of("", "", "", ""), -0.5, -0.7, -0.3, 100)),
            new ForestPlotModel.Interval("Prediction interval", -0.5, -1.5, 0.5),
            List.of("Heterogeneity: τ² = 0.25; I² = 80%; Q = 60.00 (df = 59, p < 0.001)"),
            true,
            0,
            "Favours experimental",
            "Favours control",
            2,
            Double.NaN,
            "Not estimable");
    renderer = new ForestPlotRenderer(m);
    h = renderer.preferredHeightPt(W);
  }

  @Benchmark
  public ForestLayout layout() {
    return renderer.layout(W, 0);
  }

  @Benchmark
  public Object png300dpi() {
    return FigureExporter.png(renderer, W, h, 300);
  }

  @Benchmark
  public String svg() {
    return FigureExporter.svg(renderer, W, h);
  }

  @Benchmark
  public int pdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FigureExporter.pdf(renderer, W, h, out);
    return out.size();
  }
}
