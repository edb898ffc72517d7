package org.ewb.ui;

import javafx.application.Platform;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.logic.validation.Problem;
import org.ewb.ui.analysis.AnalysisView;
import org.ewb.ui.analysis.AnalysisViewModel;
import org.ewb.ui.extraction.CharacteristicsView;
import org.ewb.ui.extraction.OutcomeView;
import org.ewb.ui.extraction.ProblemsView;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.NavItem;

/**
 * Installs the feature views into the main window: one line per feature (extraction grids,
 * problems, analyses).
 */
final class Extensions {

  private Extensions() {}

  static void install(MainWindow window) {
    org.ewb.ui.extraction.OutcomeActions outcomes =
        new org.ewb.ui.extraction.OutcomeActions(window);
    window.setExtraMenus(
        () -> java.util.List.of(outcomes.menu(), org.ewb.ui.export.ExportMenu.menu(window)));
    // File › Import ▸ references, data, RevMan 5 (issue 12)
    window.installFileMenuItems(
        () -> java.util.List.of(org.ewb.ui.importing.ImportMenu.menu(window)));
    window.installNavigatorActions(outcomes::contextMenu, outcomes::toolbar);
    window.installEditMenuItems(
        () -> java.util.List.of(org.ewb.ui.importing.ImportMenu.pasteAsNewRows(window)));
    window.installCenterView(
        NavItem.Kind.OUTCOMES,
        item -> new org.ewb.ui.extraction.OutcomesOverview(window, outcomes));
    window.installCenterView(
        NavItem.Kind.STUDIES, item -> new org.ewb.ui.extraction.StudiesView(window.viewModel()));
    window.installCenterView(
        NavItem.Kind.CHARACTERISTICS, item -> new CharacteristicsView(window.viewModel()));
    window.installCenterView(
        NavItem.Kind.OUTCOME, item -> new OutcomeView(window.viewModel(), item.id()));
    window.installCenterView(
        NavItem.Kind.TIME_POINT,
        item -> {
          OutcomeView v = new OutcomeView(window.viewModel(), item.id());
          Platform.runLater(() -> v.showTimePoint(item.subId()));
          return v;
        });
    window.installCenterView(
        NavItem.Kind.PROBLEMS, item -> new ProblemsView(window.viewModel(), p -> jump(window, p)));
    // the analysis works on the open project's cache, so saved analyses go through the same port
    AnalysisViews analyses = new AnalysisViews();
    window.installCenterView(NavItem.Kind.ANALYSES, item -> analyses.viewFor(window));
  }

  /**
   * One analysis view per open project (and language), kept while the reviewer visits the grids:
   * its choices survive the visit, and its model, which listens to the project for the whole
   * session, is not joined by another listener on every return to the Analyses node.
   */
  private static final class AnalysisViews {
    private ProjectRepository repo;
    private java.util.Locale locale;
    private AnalysisView view;

    AnalysisView viewFor(MainWindow window) {
      ProjectRepository current = window.viewModel().project();
      java.util.Locale now = org.ewb.logic.l10n.Localization.locale();
      if (view == null || current != repo || !now.equals(locale)) {
        repo = current;
        locale = now;
        view = new AnalysisView(new AnalysisViewModel(current));
      }
      return view;
    }
  }

  /** Shows the cell of a problem: its outcome grid, or the characteristics grid. */
  static void jump(MainWindow window, Problem p) {
    if (p.outcomeId() != 0) {
      window.navigate(NavItem.Kind.OUTCOME, p.outcomeId());
      if (window.centreView() instanceof OutcomeView v) {
        Platform.runLater(() -> v.selectCell(p.studyId(), p.armId(), p.timePointId(), p.column()));
      }
    } else {
      window.navigate(NavItem.Kind.CHARACTERISTICS, 0);
      if (window.centreView() instanceof CharacteristicsView v) {
        Platform.runLater(() -> v.selectCell(p.studyId(), p.column()));
      }
    }
  }
}
