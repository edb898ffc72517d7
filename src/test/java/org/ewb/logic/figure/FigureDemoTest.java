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
  }
}
