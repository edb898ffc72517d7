package org.ewb.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * Start-up probe for the benchmark (ADR 0132): with {@code EWB_STARTUP_PROBE=1} (or {@code
 * -Dewb.startupProbe=true}) the window prints how long after the process started its first frame
 * with the study list was shown, and the process exits.
 */
public final class StartupProbe {

  private StartupProbe() {}

  /** Whether the probe was asked for. */
  public static boolean enabled() {
    return "1".equals(System.getenv("EWB_STARTUP_PROBE")) || Boolean.getBoolean("ewb.startupProbe");
  }

  /** Prints the time since the process started and exits with 0. */
  public static void shownAndExit() {
    long ms =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(start -> Duration.between(start, Instant.now()).toMillis())
            .orElse(-1L);
    System.out.println("startup-probe: window shown after " + ms + " ms");
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
