package org.ewb.model;

/** Where in a source document a value was found. */
public enum ProvenanceSource {
  TABLE,
  FIGURE,
  PAGE,
  TEXT
}
