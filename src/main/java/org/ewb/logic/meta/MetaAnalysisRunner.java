package org.ewb.logic.meta;

import static org.ewb.logic.l10n.Localization.lang;

import java.util.ArrayList;
import java.util.List;
import org.ewb.model.WorkbenchException;

/**
 * Runs the analysis that {@link AnalysisOptions} describes on a {@link StudyTable}: checks that the
 * options fit the data, computes effect sizes, fits the main model and the optional subgroup
 * analysis / meta-regression. Shared by the command line and the analysis view.
 */
public final class MetaAnalysisRunner {

  private MetaAnalysisRunner() {}

  public static AnalysisOutcome run(StudyTable table, AnalysisOptions o) {
    if (!table.supports(o.measure())) {
      throw usage(lang("meta.run.measureData", o.measure().name(), kindName(table.kind())));
    }
    List<String> notes = new ArrayList<>(table.notes());
    BackTransform bt =
        o.measure() == Measure.GEN ? table.genericBackTransform() : o.measure().backTransform();
    if (o.isMantelHaenszel() || o.isPeto()) {
      if (table.kind() != StudyTable.Kind.BINARY) {
        throw usage(lang("meta.run.mhBinary", o.model()));
      }
      if (o.isPeto() && o.measure() != Measure.OR) {
        throw usage(lang("meta.run.petoOr", o.measure().name()));
      }
      if (o.test() == TestType.KNHA || o.subgroup() != null || o.moderator() != null) {
        throw usage(lang("meta.run.mhOptions", o.model()));
      }
      MhOptions mo = o.mhCc() ? MhOptions.CC_IN_TABLES : MhOptions.DEFAULT;
      if (o.add() != null) {
        mo = new MhOptions(o.add(), true, o.mhCc() ? o.add() : 0, mo.drop00Tables(), mo.correct());
      }
      List<StudyData.TwoByTwo> tables = new ArrayList<>();
      table.studies().forEach(s -> tables.add((StudyData.TwoByTwo) s));
      MantelHaenszel mh = o.isPeto() ? MantelHaenszel.peto() : MantelHaenszel.of(o.measure());
      MhResult r = mh.withOptions(mo).fit(tables);
      addDropNotes(r.studies(), notes);
      return new AnalysisOutcome(table, o, bt, r.studies(), null, r, null, null, notes);
    }
    TauMethod method;
    try {
      method = o.tauMethod();
    } catch (IllegalArgumentException e) {
      throw usage(lang("meta.run.unknownModel", o.model()));
    }
    EffectSizeOptions eo = new EffectSizeOptions(o.add() == null ? 0.5 : o.add(), o.drop00());
    List<EffectSize> es = EffectSizes.compute(o.measure(), table.studies(), eo);
    addDropNotes(es, notes);
    RandomEffectsModel model = RandomEffectsModel.of(method).withTest(o.test());
    MetaResult fit = model.fit(es);
    SubgroupResult sub = null;
    if (o.subgroup() != null) {
      sub = SubgroupAnalysis.run(es, column(table, o.subgroup()), model);
    }
    MetaRegressionResult reg = null;
    if (o.moderator() != null) {
      List<String> col = column(table, o.moderator());
      double[] x = new double[col.size()];
      for (int i = 0; i < x.length; i++) {
        String t = col.get(i);
        if (t.isEmpty()) {
          x[i] = Double.NaN;
          notes.add(
              lang("meta.run.moderatorMissing", table.studies().get(i).label(), o.moderator()));
          continue;
        }
        try {
          x[i] = Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw new WorkbenchException(
              WorkbenchException.Kind.DATA,
              lang("meta.run.moderatorNumber", table.studies().get(i).label(), o.moderator(), t));
        }
      }
      reg = MetaRegression.run(es, x, o.moderator(), model);
    }
    return new AnalysisOutcome(table, o, bt, es, fit, null, sub, reg, notes);
  }

  private static void addDropNotes(List<EffectSize> es, List<String> notes) {
    for (EffectSize e : es) {
      if (!e.included()) {
        notes.add(lang("meta.run.noEffect", e.label()));
      }
    }
  }

  private static List<String> column(StudyTable t, String name) {
    for (var e : t.columns().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    throw usage(lang("meta.run.noColumn", name, String.join(", ", t.columns().keySet())));
  }

  private static String kindName(StudyTable.Kind k) {
    return switch (k) {
      case BINARY -> "events/totals (RR, OR, RD)";
      case CONTINUOUS -> "means/SDs (MD, SMD)";
      case GENERIC -> "effect estimates with SE or variance (GEN)";
    };
  }

  private static WorkbenchException usage(String m) {
    return new WorkbenchException(WorkbenchException.Kind.USAGE, m);
  }
}
