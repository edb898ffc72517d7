package org.ewb.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a generic-data CSV for the whole-process benchmark of {@code analyze}: {@code java -cp
 * target/test-classes org.ewb.bench.BigCsv big.csv 100000 [digits]} (fixed seed; columns study, yi,
 * vi). Values have 6 significant digits by default, as extracted data do; 17 (round-trip) is the
 * worst case for number parsing.
 */
public final class BigCsv {

  private BigCsv() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "big.csv");
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int digits = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    String fmt = "S%d,%." + digits + "g,%." + digits + "g%n";
    Random rnd = new Random(20261121L);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("study,yi,vi\n");
      for (int i = 0; i < k; i++) {
        double v = 0.01 + 0.1 * rnd.nextDouble();
        double y = 0.3 + Math.sqrt(0.05) * rnd.nextGaussian() + Math.sqrt(v) * rnd.nextGaussian();
        w.write(String.format(Locale.ROOT, fmt, i + 1, y, v));
      }
    }
  }
}
