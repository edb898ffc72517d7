package org.ewb.logic.figure;

import java.nio.file.Path;
import org.ewb.logic.figure.export.FigureExporter;
import org.junit.jupiter.api.Test;

class FigureDemoTest {
  @Test
  void demo() {
    ForestPlotRenderer r = new ForestPlotRenderer(ReferenceForestModels.bcg(null));
    Path dir = Path.of("target/demo");
    FigureExporter.export(r, dir.resolve("bcg.png"), 170, 0, 150);
    FigureExporter.export(r, dir.resolve("bcg.svg"), 170, 0, 150);
    FigureExporter.export(r, dir.resolve("bcg.pdf"), 170, 0, 150);
    FunnelPlotRenderer fr = new FunnelPlotRenderer(ReferenceForestModels.bcgFunnel(true));
    FigureExporter.export(fr, dir.resolve("funnel.png"), 120, 0, 150);
    FigureExporter.export(fr, dir.resolve("funnel.pdf"), 120, 0, 150);
    FollowUpChartRenderer fu = new FollowUpChartRenderer(SyntheticFollowUp.model(true));
    FigureExporter.export(fu, dir.resolve("followup.png"), 170, 0, 150);
  }
}
