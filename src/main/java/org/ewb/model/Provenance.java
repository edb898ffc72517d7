package org.ewb.model;

/**
 * Where a value came from: the kind of place ({@code source}, may be null), the place itself
 * ("Table 1 row 4", "L24", "p. 3"), the verbatim quote, and a free note.
 */
public record Provenance(ProvenanceSource source, String location, String quote, String note) {

  public static final Provenance NONE = new Provenance(null, "", "", "");

  public Provenance {
    location = Study.nz(location);
    quote = Study.nz(quote);
    note = Study.nz(note);
  }

  public boolean isEmpty() {
    return source == null && location.isEmpty() && quote.isEmpty() && note.isEmpty();
  }
}
