package org.ewb.testing;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a reviewer does with the mouse in the whole-review tests: clicks, navigation, dialogs. */
public final class WindowRobot {

  private WindowRobot() {}

  /** Clicks a node, the mouse moved straight to it (no animated path). */
  public static void click(FxRobot robot, String query) {
    click(robot, robot.lookup(query).<Node>query());
  }

  public static void click(FxRobot robot, Node node) {
    robot.clickOn(node, org.testfx.robot.Motion.DIRECT, javafx.scene.input.MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
  }

  public static void navigate(FxRobot robot, String text) {
    Node cell =
        robot
            .lookup(".tree-cell")
            .match(n -> n instanceof TreeCell<?> c && text.equals(c.getText()))
            .query();
    click(robot, cell);
    WaitForAsyncUtils.waitForFxEvents();
  }

  public static void clickCell(FxRobot robot, TableView<?> table, int row, int column) {
    // scrolled as a reviewer would: down to the row, and fully left (the first columns are frozen
    // over the others, so a column just right of them is only clickable there)
    robot.interact(
        () -> {
          table.scrollTo(row);
          for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar sb
                && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
              sb.setValue(sb.getMin());
            }
          }
        });
    var col = table.getVisibleLeafColumn(column);
    try {
      WaitForAsyncUtils.waitFor(
          5,
          TimeUnit.SECONDS,
          () ->
              table.lookupAll(".table-cell").stream()
                  .anyMatch(
                      n ->
                          n instanceof TableCell<?, ?> c
                              && c.getIndex() == row
                              && c.getTableColumn() == col));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no cell " + row + "," + column);
    }
    Node cell =
        table.lookupAll(".table-cell").stream()
            .filter(
                n ->
                    n instanceof TableCell<?, ?> c
                        && c.getIndex() == row
                        && c.getTableColumn() == col)
            .findFirst()
            .orElseThrow();
    click(robot, cell);
    WaitForAsyncUtils.waitForFxEvents();
  }

  public static <T> void selectComboItem(FxRobot robot, String id, T item) {
    ComboBox<T> combo = robot.lookup(id).queryComboBox();
    robot.interact(() -> combo.getSelectionModel().select(item));
  }

  public static void selectComboIndex(FxRobot robot, String id, int index) {
    ComboBox<?> combo = robot.lookup(id).queryComboBox();
    robot.interact(() -> combo.getSelectionModel().select(index));
  }

  public static void clickDialogOk(FxRobot robot) {
    DialogPane pane =
        robot.lookup(".dialog-pane").match(n -> n.getScene() != null).queryAs(DialogPane.class);
    Button ok = (Button) pane.lookupButton(javafx.scene.control.ButtonType.OK);
    click(robot, ok);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
