package org.ewb.logic.meta;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every bias case of the metafor reference index (until the engine's golden test lands). */
class BiasSensitivityReferenceTest {

  static List<String> biasCases() {
    return ReferenceCase.casesOf("bias");
  }

  @ParameterizedTest
  @MethodSource("biasCases")
  void biasCaseMatchesMetafor(String file) {
    BiasReferenceCases.check(ReferenceCase.load(file));
  }
}
