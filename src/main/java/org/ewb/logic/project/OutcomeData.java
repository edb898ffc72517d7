package org.ewb.logic.project;

import java.util.List;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;

/**
 * Measurements and generic estimates read apart from the rest of a project (those of one outcome,
 * or of one study), so that a large project can be opened without its outcome data.
 */
public record OutcomeData(List<Measurement> measurements, List<GenericEstimate> genericEstimates) {

  public OutcomeData {
    measurements = List.copyOf(measurements);
    genericEstimates = List.copyOf(genericEstimates);
  }
}
