package org.ewb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;

/**
 * JSON output of the commands (Jackson, ADR 0014). Non-ASCII characters are written as
 * {@code \\uXXXX} escapes, so the output is valid whatever the console's encoding; every JSON
 * reader turns them back into the same text.
 */
final class Json {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
      .build();

  private Json() {}

  static void print(PrintWriter out, Object tree) {
    try {
      out.println(MAPPER.writeValueAsString(tree));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of maps and lists is always JSON", e);
    }
  }

  /** Months as a JSON number without a needless ".0" (12 rather than 12.0). */
  static Number months(double m) {
    return m == Math.rint(m) && Math.abs(m) < 1e15 ? (Number) (long) m : (Number) m;
  }
}
