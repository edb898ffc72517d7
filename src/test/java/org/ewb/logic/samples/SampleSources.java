package org.ewb.logic.samples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the sample sources for tests independently of the builder, so that expected values come
 * from the CSV files themselves and not from the code under test.
 */
final class SampleSources {

  private SampleSources() {}

  static Path repo() {
    return Path.of(System.getProperty("ewb.repo.dir", "."));
  }

  static Path sources() {
    return repo().resolve("sample-projects/sources");
  }

  static List<Map<String, String>> read(String relative) {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    try (Reader r = Files.newBufferedReader(sources().resolve(relative), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, f)) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord rec : p) {
        Map<String, String> m = new LinkedHashMap<>(rec.toMap());
        m.replaceAll((k, v) -> v.strip());
        rows.add(m);
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
