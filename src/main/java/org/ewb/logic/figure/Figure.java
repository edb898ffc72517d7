package org.ewb.logic.figure;

import java.awt.Graphics2D;

/**
 * A figure that can be drawn onto any {@link Graphics2D} (screen, PNG, SVG, PDF) by one routine.
 * Coordinates are in points (1/72 inch); the caller scales the graphics for pixels.
 */
public interface Figure {

  /** The height in points this figure needs at the given width to be drawn at its natural size. */
  double preferredHeightPt(double widthPt);

  /** Draws the figure into the rectangle (0, 0, widthPt, heightPt) of {@code g}. */
  void draw(Graphics2D g, double widthPt, double heightPt);

  /** Every text the figure may draw, so that a font able to display all of it can be chosen. */
  String allText();
}
