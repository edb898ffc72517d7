package org.ewb.model;

/** The role of an arm in the comparison. */
public enum ArmRole {
  EXPERIMENTAL,
  CONTROL,
  OTHER
}
