package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;

/**
 * Reads studies for {@code analyze --csv} (UTF-8, header row, RFC 4180): column {@code study}, then
 * either {@code events_e,total_e,events_c,total_c} (e = experimental, c = control), or {@code
 * mean_e,sd_e,n_e,mean_c,sd_c,n_c}, or {@code yi} with {@code se} or {@code vi}. Any other column
 * is kept for {@code --subgroup} / {@code --moderator}. Header names are case-insensitive. An empty
 * cell is a missing value: a study missing a required value is left out with a note; a cell that is
 * not a number is an error naming the line and the column.
 */
public final class CsvStudyReader {

  static final List<String> BINARY = List.of("events_e", "total_e", "events_c", "total_c");
  static final List<String> CONTINUOUS = List.of("mean_e", "sd_e", "n_e", "mean_c", "sd_c", "n_c");

  private CsvStudyReader() {}

  /** Reads the whole table; {@code source} names the file in messages. */
  public static StudyTable read(Reader in, String source) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .build();
    try (CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = new ArrayList<>();
      for (String h : parser.getHeaderNames()) {
        header.add(h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
      }
      if (!header.contains("study")) {
        throw usage(lang("meta.csv.noStudyColumn", source, String.join(", ", header)));
      }
      StudyTable.Kind kind;
      List<String> required;
      if (header.containsAll(BINARY)) {
        kind = StudyTable.Kind.BINARY;
        required = BINARY;
      } else if (header.containsAll(CONTINUOUS)) {
        kind = StudyTable.Kind.CONTINUOUS;
        required = CONTINUOUS;
      } else if (header.contains("yi") && (header.contains("se") || header.contains("vi"))) {
        kind = StudyTable.Kind.GENERIC;
        required = List.of("yi");
      } else {
        throw usage(lang("meta.csv.noDataColumns", source, String.join(", ", header)));
      }
      Set<String> known = new java.util.HashSet<>(required);
      known.addAll(List.of("study", "se", "vi"));
      Map<String, List<String>> extra = new LinkedHashMap<>();
      for (String h : header) {
        if (!known.contains(h)) {
          extra.put(h, new ArrayList<>());
        }
      }
      int studyCol = header.indexOf("study");
      int seCol = header.indexOf("se");
      int viCol = header.indexOf("vi");
      int[] requiredCols = required.stream().mapToInt(header::indexOf).toArray();
      List<StudyData> studies = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (CSVRecord rec : parser) {
        long line = parser.getCurrentLineNumber();
        if (rec.size() != header.size()) {
          throw data(lang("meta.csv.fieldCount", source, line, rec.size(), header.size()));
        }
        String studyText = rec.get(studyCol);
        String label = studyText.isEmpty() ? "row " + (studies.size() + 1) : studyText;
        double[] v = new double[required.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < required.size(); j++) {
          v[j] = number(rec.get(requiredCols[j]), source, line, required.get(j));
          if (Double.isNaN(v[j])) {
            missing.add(required.get(j));
          }
        }
        double se = Double.NaN;
        double vi = Double.NaN;
        if (kind == StudyTable.Kind.GENERIC) {
          se = seCol >= 0 ? number(rec.get(seCol), source, line, "se") : Double.NaN;
          vi = viCol >= 0 ? number(rec.get(viCol), source, line, "vi") : Double.NaN;
          if (Double.isNaN(se) && Double.isNaN(vi)) {
            missing.add(seCol >= 0 ? "se" : "vi");
          }
          if (se <= 0) {
            // never squared into a valid variance: a negative SE is a typo or a wrong column
            throw data(lang("meta.csv.seNotPositive", source, line, label, rec.get(seCol)));
          }
        }
        if (!missing.isEmpty()) {
          notes.add(lang("meta.csv.studyLeftOut", label, line, String.join(", ", missing)));
          continue;
        }
        StudyData d =
            switch (kind) {
              case BINARY -> new StudyData.TwoByTwo(label, v[0], v[1], v[2], v[3]);
              case CONTINUOUS ->
                  new StudyData.ContinuousArms(label, v[0], v[1], v[2], v[3], v[4], v[5]);
              case GENERIC ->
                  Double.isNaN(se)
                      ? new StudyData.GenericEffect(label, v[0], vi)
                      : StudyData.GenericEffect.withSe(label, v[0], se);
            };
        studies.add(d);
        for (Map.Entry<String, List<String>> e : extra.entrySet()) {
          e.getValue().add(rec.get(header.indexOf(e.getKey())));
        }
      }
      if (studies.isEmpty()) {
        throw data(lang("meta.csv.noRows", source));
      }
      return new StudyTable(kind, studies, extra, notes, BackTransform.NONE);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.nio.charset.CharacterCodingException) {
          throw new WorkbenchException(
              WorkbenchException.Kind.FILE, lang("cli.csv.notUtf8", source), e);
        }
      }
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE,
          lang("meta.csv.unreadable", source, Localization.plain(e.getMessage())),
          e);
    }
  }

  /** The number in a cell, NaN if empty; an error naming the place if it is not a number. */
  static double number(String text, String source, long line, String column) {
    if (text == null || text.isEmpty() || text.equalsIgnoreCase("NA")) {
      return Double.NaN;
    }
    try {
      double d = Double.parseDouble(text);
      char last = text.charAt(text.length() - 1);
      // Java accepts "1d" / "1f"; a reviewer's CSV never means that
      if (Double.isFinite(d) && "dDfF".indexOf(last) < 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw data(lang("meta.csv.notNumber", source, line, column, text));
  }

  private static WorkbenchException usage(String m) {
    return new WorkbenchException(WorkbenchException.Kind.USAGE, m);
  }

  private static WorkbenchException data(String m) {
    return new WorkbenchException(WorkbenchException.Kind.DATA, m);
  }
}
