package org.ewb.logic.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ewb.model.WorkbenchException;

/** The tables an export can hold. */
public enum TableKind {
  CHARACTERISTICS,
  OUTCOMES,
  ANALYSES;

  /** The kind named {@code name} ("characteristics", "outcomes", "analyses"). */
  public static TableKind parse(String name) {
    String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(k -> k.name().equals(n))
        .findFirst()
        .orElseThrow(
            () ->
                new WorkbenchException(
                    WorkbenchException.Kind.USAGE,
                    "Unknown table '"
                        + name
                        + "'; choose from "
                        + Arrays.stream(values())
                            .map(k -> k.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))));
  }
}
