package org.ewb.bench;

/**
 * The long fuzz run of the import parsers (not a test): {@code java -cp ...
 * org.ewb.bench.FuzzImport SECONDS} mutates every fixture in turn until the time is up and prints
 * the counts.
 */
public final class FuzzImport {

  private FuzzImport() {}

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 180;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    String[] names = {"three.ris", "three.nbib", "three.bib", "three.xml", "three.csv"};
    long[] parsed = new long[names.length];
    long[] refused = new long[names.length];
    long round = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < names.length; i++) {
        byte[] seed =
            java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("src/test/resources/importing", names[i]));
        int[] r = org.ewb.logic.importing.FuzzAccess.run(names[i], seed, 1000, round * 7919 + i);
        parsed[i] += r[0];
        refused[i] += r[1];
      }
      round++;
    }
    for (int i = 0; i < names.length; i++) {
      System.out.printf(
          "%-11s %,9d mutated inputs: %,9d parsed, %,9d refused, 0 other exceptions%n",
          names[i], parsed[i] + refused[i], parsed[i], refused[i]);
    }
  }
}
