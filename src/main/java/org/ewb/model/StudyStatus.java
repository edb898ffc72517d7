package org.ewb.model;

/**
 * Whether a study is a trial included in the review, excluded, or a related (systematic) review.
 */
public enum StudyStatus {
  INCLUDED,
  EXCLUDED,
  RELATED_REVIEW
}
