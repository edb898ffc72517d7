package org.ewb.logic.meta;

/** The raw data of one study, from which an effect size is computed. */
public sealed interface StudyData
    permits StudyData.TwoByTwo,
        StudyData.ContinuousArms,
        StudyData.Correlation,
        StudyData.GenericEffect {

  /** The study label used in messages and reports. */
  String label();

  /**
   * A 2x2 table: events and totals in the experimental (e, group 1) and control (c, group 2) arm.
   * metafor's cells are ai = eventsE, bi = totalE - eventsE, ci = eventsC, di = totalC - eventsC.
   */
  record TwoByTwo(String label, double eventsE, double totalE, double eventsC, double totalC)
      implements StudyData {
    /** From metafor's four cells. */
    public static TwoByTwo ofCells(String label, double ai, double bi, double ci, double di) {
      return new TwoByTwo(label, ai, ai + bi, ci, ci + di);
    }

    public double ai() {
      return eventsE;
    }

    public double bi() {
      return totalE - eventsE;
    }

    public double ci() {
      return eventsC;
    }

    public double di() {
      return totalC - eventsC;
    }

    /** Any of the four cells is zero. */
    public boolean zeroCell() {
      return ai() == 0 || bi() == 0 || ci() == 0 || di() == 0;
    }

    /** No events in both arms, or only events in both arms (metafor's "double-zero"). */
    public boolean doubleZero() {
      return (ai() == 0 && ci() == 0) || (bi() == 0 && di() == 0);
    }
  }

  /** Mean, SD and size of the experimental (1) and control (2) arm. */
  record ContinuousArms(
      String label, double meanE, double sdE, double nE, double meanC, double sdC, double nC)
      implements StudyData {}

  /** A correlation coefficient and its sample size. */
  record Correlation(String label, double r, double n) implements StudyData {}

  /** An effect estimate on its analysis scale with its sampling variance. */
  record GenericEffect(String label, double yi, double vi) implements StudyData {
    /** From a standard error; an SE that is not positive gives a variance NaN, refused later. */
    public static GenericEffect withSe(String label, double yi, double se) {
      return new GenericEffect(label, yi, se > 0 ? se * se : Double.NaN);
    }
  }
}
