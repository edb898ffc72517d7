package org.ewb.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * JSON output of the commands, written with Jackson's streaming generator (ADR 0014): the
 * data-binding layer would load some 400 more classes, a noticeable share of a short command's
 * start-up. Non-ASCII characters are written as {@code \\uXXXX} escapes, so the output is valid
 * whatever the console's encoding; every JSON reader turns them back into the same text.
 */
final class Json {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private Json() {}

  /** Prints a tree of maps, lists, strings, numbers, booleans and nulls. */
  static void print(PrintWriter out, Object tree) {
    out.println(write(tree));
    out.flush();
  }

  private static final JsonFactory COMPACT =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
          .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  /**
   * Streams a tree on one line, without building the text first and with Schubfach double
   * formatting: for outputs of many megabytes ({@code analyze --json} with 10^5 studies).
   */
  static void printCompact(PrintWriter out, Object tree) {
    try (JsonGenerator g = COMPACT.createGenerator(out)) {
      value(g, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  static String write(Object tree) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      value(g, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        value(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else {
      g.writeString(v.toString());
    }
  }

  /** Months as a JSON number without a needless ".0" (12 rather than 12.0). */
  static Number months(double m) {
    return m == Math.rint(m) && Math.abs(m) < 1e15 ? (Number) (long) m : (Number) m;
  }
}
