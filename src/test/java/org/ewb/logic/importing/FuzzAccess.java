package org.ewb.logic.importing;

/** Opens the fuzz loop of {@link ParserFuzzTest} to the long run in {@code org.ewb.bench}. */
public final class FuzzAccess {

  private FuzzAccess() {}

  public static int[] run(String name, byte[] seed, int iterations, long randomSeed) {
    return ParserFuzzTest.run(name, seed, iterations, randomSeed);
  }
}
