/**
 * The review data model: immutable records with no dependencies on any other layer.
 *
 * <p>Numbers a reviewer types into grids are kept as {@link org.ewb.model.CellText} (the text
 * exactly as typed) so that an invalid entry is never lost; {@link org.ewb.model.CellText#number()}
 * parses it.
 */
package org.ewb.model;
