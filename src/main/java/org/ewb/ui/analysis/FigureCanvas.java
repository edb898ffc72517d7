package org.ewb.ui.analysis;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import org.ewb.logic.figure.Figure;
import org.jfree.fx.FXGraphics2D;

/**
 * Paints a {@link Figure} with the same drawing routine as the exports, through FXGraphics2D: the
 * figure is laid out at {@code widthPt} points and scaled to the canvas width, so the screen shows
 * the layout of an export at that width.
 */
final class FigureCanvas extends Canvas {

  private final ObjectProperty<Figure> figure = new SimpleObjectProperty<>();
  private double widthPt = 170 * 72 / 25.4;
  private double availableWidth = 800;

  FigureCanvas() {
    figure.addListener((o, a, b) -> repaint());
  }

  ObjectProperty<Figure> figureProperty() {
    return figure;
  }

  /** The layout width in points (the export width). */
  void setLayoutWidthPt(double pt) {
    widthPt = pt;
    repaint();
  }

  /** The width the canvas may take on screen, in pixels. */
  void setAvailableWidth(double px) {
    if (Math.abs(px - availableWidth) > 0.5 && px > 50) {
      availableWidth = px;
      repaint();
    }
  }

  void repaint() {
    Figure f = figure.get();
    GraphicsContext gc = getGraphicsContext2D();
    if (f == null) {
      setWidth(availableWidth);
      setHeight(10);
      gc.clearRect(0, 0, getWidth(), getHeight());
      return;
    }
    double scale = availableWidth / widthPt;
    double heightPt = f.preferredHeightPt(widthPt);
    setWidth(availableWidth);
    setHeight(Math.ceil(heightPt * scale));
    gc.clearRect(0, 0, getWidth(), getHeight());
    FXGraphics2D g = new FXGraphics2D(gc);
    g.scale(scale, scale);
    f.draw(g, widthPt, heightPt);
    g.dispose();
  }
}
