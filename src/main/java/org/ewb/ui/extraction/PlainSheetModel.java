package org.ewb.ui.extraction;

import java.util.Optional;
import org.ewb.model.Provenance;

/**
 * A grid of plain record fields (the Studies page's study list and arms): every cell editable, no
 * validation flags beyond refusing a value on commit, no provenance.
 */
interface PlainSheetModel<R> extends SheetModel<R> {

  @Override
  default boolean isEditable(R row, int column) {
    return true;
  }

  @Override
  default Optional<String> problem(R row, int column) {
    return Optional.empty();
  }

  @Override
  default boolean hasProvenanceSlot(R row, int column) {
    return false;
  }

  @Override
  default Provenance provenance(R row, int column) {
    return Provenance.NONE;
  }

  @Override
  default void setProvenance(R row, int column, Provenance provenance) {}
}
