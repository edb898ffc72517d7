package org.ewb.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ewb.logic.meta.MetaResult;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.logic.meta.TauMethod;
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
 * Time per random-effects fit (REML, DL) of k generic studies, random data with a fixed seed (true
 * mean 0.3, tau^2 0.05, v_i uniform on [0.01, 0.11]). Target (issue 3): REML at k = 10^5 under 20
 * ms. Run (see README "Benchmarks"):
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main MetaFitBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class MetaFitBenchmark {

  @Param({"1000", "10000", "100000", "1000000"})
  public int k;

  @Param({"REML", "DL"})
  public String method;

  double[] y;
  double[] v;
  RandomEffectsModel model;

  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(20261121L);
    y = new double[k];
    v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = 0.01 + 0.1 * rnd.nextDouble();
      y[i] = 0.3 + Math.sqrt(0.05) * rnd.nextGaussian() + Math.sqrt(v[i]) * rnd.nextGaussian();
    }
    model = RandomEffectsModel.of(TauMethod.valueOf(method));
  }

  /** The fit: tau^2, estimate, tests, heterogeneity statistics (no Q-profile CI). */
  @Benchmark
  public MetaResult fit() {
    return model.fit(y, v);
  }
}
