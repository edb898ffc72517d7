package org.ewb.model;

/** One arm (group) of a study. */
public record Arm(
    long id,
    long studyId,
    String label,
    ArmRole role,
    String intervention,
    Integer randomised,
    int displayOrder) {

  public Arm {
    label = Study.nz(label);
    role = role == null ? ArmRole.OTHER : role;
    intervention = Study.nz(intervention);
  }

  public Arm withId(long newId) {
    return new Arm(newId, studyId, label, role, intervention, randomised, displayOrder);
  }
}
