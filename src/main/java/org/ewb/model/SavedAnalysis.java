package org.ewb.model;

/**
 * An analysis saved in the project: a name and its settings as a JSON object (outcome, time point,
 * measure, model, test, subgroup, columns...). The settings' schema belongs to the analysis
 * feature.
 */
public record SavedAnalysis(long id, String name, String settingsJson, int displayOrder) {

  public SavedAnalysis {
    name = Study.nz(name);
    settingsJson = settingsJson == null || settingsJson.isBlank() ? "{}" : settingsJson;
  }
}
