package org.ewb.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ewb.logic.project.ProjectSummary;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.ProjectData;
import org.ewb.model.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process edits the project while this one reads it (the window editing while {@code
 * export} or {@code analyze} runs), and a process editing the project is killed with SIGKILL at a
 * random moment. Every edit here is one transaction that adds a study together with its arm, so a
 * consistent snapshot always holds as many arms as studies, and every edit whose call returned
 * ("acknowledged") is in the file after a kill.
 */
class ConcurrentEditsTest {

  /**
   * kill -9 trials in {@code mvn verify}; the benchmark runs more with {@code -Dewb.killTrials}.
   */
  static final int KILL_TRIALS = Integer.getInteger("ewb.killTrials", 20);

  @TempDir Path dir;

  /**
   * Writer process: {@code FILE MILLIS PREFIX} adds a study and its arm per transaction for MILLIS
   * ms (0 = until killed), printing {@code ack KEY} after each commit returned.
   */
  public static void main(String[] args) {
    Path f = Path.of(args[0]);
    long until = Long.parseLong(args[1]);
    long end = until == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + until;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (SqliteProjectStore store = SqliteProjectStore.open(f)) {
      out.println("ready");
      for (int i = 0; System.currentTimeMillis() < end; i++) {
        String key = args[2] + i;
        store.inTransaction(
            () -> {
              Study s = store.insertStudy(Study.of(key, "Written " + key));
              store.insertArm(new Arm(0, s.id(), "arm of " + key, ArmRole.EXPERIMENTAL, "", 10, 0));
              if (key.hashCode() % 3 == 0) {
                store.updateStudy(s.withLabel("Renamed " + key));
              }
            });
        out.println("ack " + key);
      }
    }
  }

  Path projectWith(int pairs) {
    Path f = dir.resolve("p.ewb");
    try (SqliteProjectStore store = SqliteProjectStore.create(f, "concurrent")) {
      store.inTransaction(
          () -> {
            for (int i = 0; i < pairs; i++) {
              Study s = store.insertStudy(Study.of("s" + i, "Study " + i));
              store.insertArm(new Arm(0, s.id(), "arm", ArmRole.CONTROL, "", 10, 0));
            }
          });
    }
    return f;
  }

  Process writer(Path f, long millis, String prefix) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ConcurrentEditsTest.class.getName(),
            f.toString(),
            Long.toString(millis),
            prefix)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  @Test
  void everySnapshotReadWhileAnotherProcessEditsIsOneCommittedState() throws Exception {
    Path f = projectWith(3000);
    Process w = writer(f, 60_000, "w");
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(w.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", lines.readLine());
    Thread drain =
        new Thread(
            () -> {
              try {
                while (lines.readLine() != null) {
                  // keep the pipe from filling
                }
              } catch (IOException e) {
                // the writer ended
              }
            });
    drain.start();
    int snapshots = 0;
    int grew = 0;
    int last = -1;
    try {
      for (int i = 0; i < 150; i++) {
        ProjectData d = SqliteProjectStore.readSnapshot(f);
        assertEquals(d.studies().size(), d.arms().size(), "snapshot " + i + " mixes two edits");
        Set<Long> ids = new HashSet<>();
        d.studies().forEach(s -> ids.add(s.id()));
        d.arms().forEach(a -> assertTrue(ids.contains(a.studyId()), "arm without its study"));
        ProjectSummary s = SqliteProjectStore.readSummary(f);
        assertEquals(s.studies(), s.arms(), "summary " + i + " mixes two edits");
        if (d.studies().size() > last) {
          grew++;
        }
        last = d.studies().size();
        snapshots++;
      }
    } finally {
      w.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      drain.join(10_000);
    }
    assertEquals(150, snapshots);
    assertTrue(grew > 20, "the writer should have committed between most reads: " + grew);
  }

  @Test
  void everyAcknowledgedEditSurvivesKillMinusNine() throws Exception {
    Path f = projectWith(10);
    Random random = new Random(10);
    int total = 0;
    for (int trial = 0; trial < KILL_TRIALS; trial++) {
      Process w = writer(f, 0, "t" + trial + "-");
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(w.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", lines.readLine(), "trial " + trial);
      int killAfter = 1 + random.nextInt(40);
      List<String> acked = new ArrayList<>();
      String line;
      while (acked.size() < killAfter && (line = lines.readLine()) != null) {
        acked.add(line.substring("ack ".length()));
      }
      // SIGKILL: no shutdown hook, no close, possibly in the middle of a commit. kill(1) rather
      // than destroyForcibly(), which also closes our end of the pipe with acks still in it.
      new ProcessBuilder("kill", "-9", Long.toString(w.pid())).start().waitFor();
      assertTrue(w.waitFor(30, TimeUnit.SECONDS));
      while ((line = lines.readLine()) != null) {
        acked.add(line.substring("ack ".length())); // acknowledged before the kill landed
      }
      ProjectData d = SqliteProjectStore.readSnapshot(f);
      Set<String> keys = new HashSet<>();
      d.studies().forEach(s -> keys.add(s.key()));
      for (String k : acked) {
        assertTrue(keys.contains(k), "trial " + trial + ": acknowledged edit " + k + " lost");
      }
      assertEquals(d.studies().size(), d.arms().size(), "trial " + trial + ": half an edit");
      total += acked.size();
    }
    assertTrue(total >= KILL_TRIALS, "edits acknowledged: " + total);
  }
}
