package org.ewb.logic.importing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.ewb.model.WorkbenchException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random-mutation fuzzing of the reference parsers and the data table reader (Jazzer would
 * need its native agent; a seeded mutator is reproducible and needs nothing). Every mutated file
 * must either import or be refused with the documented {@link WorkbenchException}; any other
 * exception fails with the seed and iteration to reproduce it. {@code mvn verify} runs {@value
 * #DEFAULT_ITERATIONS} mutations per fixture; a long run: {@code -Dfuzz.iterations=200000} (or
 * {@code org.ewb.bench.FuzzImport}).
 */
class ParserFuzzTest {

  static final int DEFAULT_ITERATIONS = 400;

  private static final String SPECIAL = "{}<>&\"',;\n\r\t@=#%\\-";

  @ParameterizedTest
  @ValueSource(strings = {"three.ris", "three.nbib", "three.bib", "three.xml", "three.csv"})
  void mutatedReferenceFilesParseOrAreRefused(String name) throws IOException {
    byte[] seed = Files.readAllBytes(Path.of("src/test/resources/importing", name));
    int n = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    int[] outcome = run(name, seed, n, 12345L + name.hashCode());
    assertTrue(
        outcome[0] > 0 && outcome[1] > 0,
        name + ": parsed " + outcome[0] + ", refused " + outcome[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"long.csv"})
  void mutatedDataTablesParseOrAreRefused(String name) {
    byte[] seed =
        ("study,arm,role,outcome,kind,unit,months,n,mean,sd,events,total\n"
                + "Hu 2013,MSC,experimental,HbA1c,continuous,%,12,15,7.1,1.2,,\n"
                + "Hu 2013,Control,control,HbA1c,continuous,%,12,14,8.0,1.4,,\n"
                + "Li 2016,MSC,e,Insulin independence,dichotomous,,6,,,,3,15\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Random rnd = new Random(777);
    int n = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    for (int it = 0; it < n; it++) {
      byte[] m = mutate(seed, rnd);
      try {
        DataTable t = DataTable.parseCsv(name, TextDecoder.decode(name, m).text());
        DataImporter.read(t, null);
      } catch (WorkbenchException e) {
        assertTrue(!e.getMessage().isBlank());
      } catch (RuntimeException e) {
        fail("data table, iteration " + it + " (seed 777): " + e, e);
      }
    }
  }

  /** Returns {parsed, refused}. */
  static int[] run(String name, byte[] seed, int iterations, long randomSeed) {
    Random rnd = new Random(randomSeed);
    int parsed = 0;
    int refused = 0;
    for (int it = 0; it < iterations; it++) {
      byte[] m = mutate(seed, rnd);
      try {
        TextDecoder.Decoded d = TextDecoder.decode(name, m);
        ReferenceReader.Parsed p =
            ReferenceReader.parse(name, d.text(), d.charset().name(), null, Map.of());
        ReferenceImporter.plan(p, java.util.List.of(), java.util.List.of());
        parsed++;
      } catch (WorkbenchException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
          fail("empty refusal message, " + name + " iteration " + it);
        }
        refused++;
      } catch (RuntimeException | StackOverflowError e) {
        fail(name + ", iteration " + it + " (seed " + randomSeed + "): " + e, e);
      }
    }
    return new int[] {parsed, refused};
  }

  /** One to four mutations: flip, insert, delete, duplicate a range, truncate, splice bytes. */
  static byte[] mutate(byte[] in, Random rnd) {
    byte[] b = in.clone();
    int k = 1 + rnd.nextInt(4);
    for (int i = 0; i < k && b.length > 1; i++) {
      int pos = rnd.nextInt(b.length);
      switch (rnd.nextInt(7)) {
        case 0 -> b[pos] = (byte) rnd.nextInt(256);
        case 1 -> b[pos] = (byte) SPECIAL.charAt(rnd.nextInt(SPECIAL.length()));
        case 2 -> {
          int len = 1 + rnd.nextInt(Math.min(64, b.length - pos));
          byte[] c = new byte[b.length - len];
          System.arraycopy(b, 0, c, 0, pos);
          System.arraycopy(b, pos + len, c, pos, b.length - pos - len);
          b = c;
        }
        case 3 -> {
          int len = 1 + rnd.nextInt(Math.min(200, b.length - pos));
          byte[] c = new byte[b.length + len];
          System.arraycopy(b, 0, c, 0, pos + len);
          System.arraycopy(b, pos, c, pos + len, b.length - pos);
          b = c;
        }
        case 4 -> b = java.util.Arrays.copyOf(b, pos);
        case 5 -> {
          byte[] ins = new byte[1 + rnd.nextInt(8)];
          rnd.nextBytes(ins);
          byte[] c = new byte[b.length + ins.length];
          System.arraycopy(b, 0, c, 0, pos);
          System.arraycopy(ins, 0, c, pos, ins.length);
          System.arraycopy(b, pos, c, pos + ins.length, b.length - pos);
          b = c;
        }
        default -> {
          // swap two lines' worth of bytes
          int q = rnd.nextInt(b.length);
          byte t = b[pos];
          b[pos] = b[q];
          b[q] = t;
        }
      }
    }
    return b;
  }
}
