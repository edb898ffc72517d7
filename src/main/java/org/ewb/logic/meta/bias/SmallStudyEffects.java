package org.ewb.logic.meta.bias;

import java.util.function.Supplier;
import org.ewb.logic.meta.RandomEffectsModel;
import org.ewb.model.WorkbenchException;

/**
 * Runs every small-study-effect method on one meta-analysis, as a reviewer asks for them together:
 * Egger's test in its meta-regression form (fitted like the analysis) and its classical form,
 * Begg's rank correlation test, and trim and fill (L0). A method that cannot run on these data
 * (e.g. fewer than 3 studies, no convergence) gives its reason instead of a result; the others
 * still run.
 */
public final class SmallStudyEffects {

  /**
   * The outcome of one method: a result, or the reviewer-readable reason it could not be computed.
   */
  public record Part<T>(T result, String error) {
    public Part {
      if ((result == null) == (error == null)) {
        throw new IllegalArgumentException("a part has either a result or an error");
      }
    }

    public boolean ok() {
      return result != null;
    }
  }

  /** All four methods; {@code model} is the model they were fitted with. */
  public record Report(
      RandomEffectsModel model,
      Part<EggerRmaTest.Result> regtestRma,
      Part<EggerRegressionTest.Result> regtestLm,
      Part<RankCorrelationTest.Result> ranktest,
      Part<TrimAndFill.Result> trimfill) {}

  private final RandomEffectsModel model;

  private SmallStudyEffects(RandomEffectsModel model) {
    this.model = model;
  }

  /** The methods fitted with {@code model} (the meta-analysis' tau^2 estimator and test). */
  public static SmallStudyEffects of(RandomEffectsModel model) {
    return new SmallStudyEffects(model);
  }

  public Report run(double[] yi, double[] vi) {
    return new Report(
        model,
        part(() -> EggerRmaTest.of(model).test(yi, vi)),
        part(() -> EggerRegressionTest.withDefaults().test(yi, vi)),
        part(() -> RankCorrelationTest.withDefaults().test(yi, vi)),
        part(() -> TrimAndFill.of(model).run(yi, vi)));
  }

  private static <T> Part<T> part(Supplier<T> method) {
    try {
      return new Part<>(method.get(), null);
    } catch (WorkbenchException e) {
      if (e.kind() != WorkbenchException.Kind.DATA) {
        throw e;
      }
      return new Part<>(null, e.getMessage());
    }
  }
}
