package org.ewb.logic.meta;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewb.logic.meta.MetaforReferenceTest.Mismatches;

/** Mantel-Haenszel and Peto reference cases. */
final class MhCases {

  private MhCases() {}

  static void check(JsonNode c, Mismatches mm) {
    mm.add("MH/PETO not implemented yet");
  }
}
