package org.ewb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ewb.logic.meta.multivariate.CovarianceStructure;
import org.ewb.logic.meta.multivariate.MultivariateModel;
import org.ewb.logic.meta.multivariate.MultivariateResult;
import org.ewb.logic.meta.multivariate.TimeSeriesData;
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
 * Time per multivariate REML fit over 6 time points (1, 3, 6, 12, 18, 24 months) of k studies,
 * issue 13: k = 10, 100, 1,000. Random data with a fixed seed: true trajectory −0.6 → −0.2,
 * between- study SD 0.3 with AR(1) correlation 0.8 per step, v_ij uniform on [0.02, 0.10],
 * within-study correlation 0.5, ~15% of study x time cells missing. Run (see README "Benchmarks"):
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main MultivariateFitBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class MultivariateFitBenchmark {

  static final double[] MONTHS = {1, 3, 6, 12, 18, 24};

  @Param({"10", "100", "1000"})
  public int k;

  @Param({"CS", "HCS", "AR"})
  public String structure;

  TimeSeriesData data;
  MultivariateModel model;

  /** The benchmark's data set (also used by the test that checks the benchmark converges). */
  public static TimeSeriesData data(int k, long seed) {
    Random rnd = new Random(seed);
    List<TimeSeriesData.Observation> obs = new ArrayList<>();
    int t = MONTHS.length;
    for (int i = 0; i < k; i++) {
      double[] u = new double[t];
      double prev = rnd.nextGaussian();
      for (int j = 0; j < t; j++) {
        prev = j == 0 ? prev : 0.8 * prev + Math.sqrt(1 - 0.64) * rnd.nextGaussian();
        u[j] = 0.3 * prev;
      }
      double shared = rnd.nextGaussian();
      for (int j = 0; j < t; j++) {
        if (rnd.nextDouble() < 0.15) {
          continue;
        }
        double v = 0.02 + 0.08 * rnd.nextDouble();
        double e = Math.sqrt(v) * (Math.sqrt(0.5) * shared + Math.sqrt(0.5) * rnd.nextGaussian());
        double mu = -0.6 + 0.4 * j / (t - 1.0);
        obs.add(new TimeSeriesData.Observation("S" + i, MONTHS[j], mu + u[j] + e, v));
      }
    }
    return new TimeSeriesData(obs);
  }

  @Setup(Level.Trial)
  public void setUp() {
    data = data(k, 20261204L);
    model = MultivariateModel.of(CovarianceStructure.valueOf(structure));
  }

  @Benchmark
  public MultivariateResult fit() {
    return model.fit(data);
  }

  /**
   * Prints the median wall and CPU time (this thread) of repeated fits after a warm-up; CPU time is
   * the figure to trust on a machine shared with other work. {@code java -cp ...
   * org.ewb.bench.MultivariateFitBenchmark}
   */
  public static void main(String[] args) {
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    for (String s : new String[] {"CS", "HCS", "AR"}) {
      for (int k : new int[] {10, 100, 1000}) {
        TimeSeriesData d = data(k, 20261204L);
        MultivariateModel m = MultivariateModel.of(CovarianceStructure.valueOf(s));
        int reps = k == 1000 ? 15 : 40;
        for (int i = 0; i < reps; i++) {
          m.fit(d); // warm-up
        }
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        int it = 0;
        for (int i = 0; i < reps; i++) {
          long c0 = bean.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          it = m.fit(d).iterations();
          wall[i] = (System.nanoTime() - w0) / 1e6;
          cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        System.out.printf(
            java.util.Locale.ROOT,
            "%-3s k=%4d x 6 time points (%d values): median CPU %.2f ms, wall %.2f ms, %d iterations%n",
            s,
            k,
            d.observations().size(),
            cpu[reps / 2],
            wall[reps / 2],
            it);
      }
    }
  }
}
