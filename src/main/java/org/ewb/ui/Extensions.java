package org.ewb.ui;

import org.ewb.ui.main.MainWindow;

/**
 * Installs the feature views into the main window: one line per feature (extraction grids,
 * analyses). The analyses view of {@code org.ewb.ui.analysis} goes here with {@code
 * window.installCenterView(NavItem.Kind.ANALYSES, item -> new AnalysisView(...))}.
 */
final class Extensions {

  private Extensions() {}

  static void install(MainWindow window) {
    // feature views are added here as they land
  }
}
