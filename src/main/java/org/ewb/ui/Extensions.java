package org.ewb.ui;

import org.ewb.ui.extraction.CharacteristicsView;
import org.ewb.ui.main.MainWindow;
import org.ewb.ui.main.NavItem;

/**
 * Installs the feature views into the main window: one line per feature (extraction grids,
 * analyses). The analyses view of {@code org.ewb.ui.analysis} goes here with {@code
 * window.installCenterView(NavItem.Kind.ANALYSES, item -> new AnalysisView(...))}.
 */
final class Extensions {

  private Extensions() {}

  static void install(MainWindow window) {
    window.installCenterView(
        NavItem.Kind.CHARACTERISTICS, item -> new CharacteristicsView(window.viewModel()));
  }
}
