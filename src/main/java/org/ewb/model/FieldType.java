package org.ewb.model;

/** The type of a characteristic field; decides how a cell is validated and exported. */
public enum FieldType {
  TEXT,
  INTEGER,
  DECIMAL,
  CHOICE,
  DATE
}
