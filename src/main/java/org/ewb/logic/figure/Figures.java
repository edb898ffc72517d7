package org.ewb.logic.figure;

import org.ewb.model.ProjectData;

/** Builds the figure a {@link FigureRequest} asks for from a project snapshot. */
public final class Figures {

  private Figures() {}

  public static Figure build(ProjectData data, FigureRequest r) {
    return switch (r.kind()) {
      case FOLLOWUP ->
          new FollowUpChartRenderer(FollowUpModelBuilder.build(data, r.outcome(), r.errorBars()));
      case FOREST -> new ForestPlotRenderer(ForestModelBuilder.build(data, r));
      case FUNNEL -> new FunnelPlotRenderer(FunnelModelBuilder.build(data, r));
    };
  }
}
