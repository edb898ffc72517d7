package org.ewb.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.scene.robot.Robot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Types at robot speed: every key of a text is pressed and released through the platform robot in
 * one go on the JavaFX thread, so no layout pass, no pulse and no queued runnable happens between
 * two keys. This is faster than any typist and the harshest test of a grid's type-to-edit.
 *
 * <p>Besides printable ASCII: {@code \t} Tab, {@code \n} Enter, {@code ↓ ↑ → ←} arrows, {@code ⇤}
 * Shift+Tab, {@code ⎋} Escape.
 */
public final class Keyboard {

  private Keyboard() {}

  private record Stroke(KeyCode code, boolean shift) {}

  /** Types {@code keys} with no delay between keys, then waits until JavaFX is idle. */
  public static void burst(String keys) {
    List<Stroke> strokes = strokes(keys);
    try {
      WaitForAsyncUtils.asyncFx(
              () -> {
                Robot robot = new Robot();
                for (Stroke s : strokes) {
                  if (s.shift()) {
                    robot.keyPress(KeyCode.SHIFT);
                  }
                  robot.keyPress(s.code());
                  robot.keyRelease(s.code());
                  if (s.shift()) {
                    robot.keyRelease(KeyCode.SHIFT);
                  }
                }
              })
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("typing failed", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** How many keys {@code keys} presses (shift not counted). */
  public static int count(String keys) {
    return strokes(keys).size();
  }

  private static List<Stroke> strokes(String keys) {
    List<Stroke> out = new ArrayList<>();
    for (char c : keys.toCharArray()) {
      out.add(stroke(c));
    }
    return out;
  }

  private static Stroke stroke(char c) {
    if (c >= '0' && c <= '9') {
      return new Stroke(KeyCode.valueOf("DIGIT" + c), false);
    }
    if (c >= 'a' && c <= 'z') {
      return new Stroke(KeyCode.valueOf(String.valueOf(Character.toUpperCase(c))), false);
    }
    if (c >= 'A' && c <= 'Z') {
      return new Stroke(KeyCode.valueOf(String.valueOf(c)), true);
    }
    return switch (c) {
      case '.' -> new Stroke(KeyCode.PERIOD, false);
      case '-' -> new Stroke(KeyCode.MINUS, false);
      case ' ' -> new Stroke(KeyCode.SPACE, false);
      case ',' -> new Stroke(KeyCode.COMMA, false);
      case '/' -> new Stroke(KeyCode.SLASH, false);
      case '%' -> new Stroke(KeyCode.DIGIT5, true);
      case '(' -> new Stroke(KeyCode.DIGIT9, true);
      case ')' -> new Stroke(KeyCode.DIGIT0, true);
      case '+' -> new Stroke(KeyCode.EQUALS, true);
      case ';' -> new Stroke(KeyCode.SEMICOLON, false);
      case '\t' -> new Stroke(KeyCode.TAB, false);
      case '\n' -> new Stroke(KeyCode.ENTER, false);
      case '\u2193' -> new Stroke(KeyCode.DOWN, false);
      case '\u2191' -> new Stroke(KeyCode.UP, false);
      case '\u2192' -> new Stroke(KeyCode.RIGHT, false);
      case '\u2190' -> new Stroke(KeyCode.LEFT, false);
      case '\u21e4' -> new Stroke(KeyCode.TAB, true);
      case '\u238b' -> new Stroke(KeyCode.ESCAPE, false);
      default -> throw new IllegalArgumentException("no key for " + c);
    };
  }
}
