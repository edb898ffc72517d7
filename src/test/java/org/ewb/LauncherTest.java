package org.ewb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Only {@code gui} and {@code gui FILE} skip the command-line parser; everything else uses it. */
class LauncherTest {

  @Test
  void theWindowWithOrWithoutAFileSkipsTheParser() {
    assertEquals(Path.of(""), Launcher.plainGuiFile(new String[] {"gui"}));
    assertEquals(Path.of("a b.ewb"), Launcher.plainGuiFile(new String[] {"gui", "a b.ewb"}));
    assertEquals(
        Path.of("/tmp/研究.ewb"), Launcher.plainGuiFile(new String[] {"gui", "/tmp/研究.ewb"}));
  }

  @Test
  void optionsOtherCommandsAndExtraArgumentsGoToThePicocliParser() {
    assertNull(Launcher.plainGuiFile(new String[] {"gui", "--help"}));
    assertNull(Launcher.plainGuiFile(new String[] {"gui", "-h"}));
    assertNull(Launcher.plainGuiFile(new String[] {"gui", "a.ewb", "b.ewb"}));
    assertNull(Launcher.plainGuiFile(new String[] {"gui", ""}));
    assertNull(Launcher.plainGuiFile(new String[] {"gui", "a\0b"}));
    assertNull(Launcher.plainGuiFile(new String[] {"info", "a.ewb"}));
    assertNull(Launcher.plainGuiFile(new String[] {"--version"}));
  }
}
