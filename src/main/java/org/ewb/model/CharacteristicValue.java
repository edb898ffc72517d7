package org.ewb.model;

/** The value of one characteristic field for one study, as typed, with its provenance. */
public record CharacteristicValue(long studyId, long fieldId, String value, Provenance provenance) {

  public CharacteristicValue {
    value = Study.nz(value);
    provenance = provenance == null ? Provenance.NONE : provenance;
  }
}
