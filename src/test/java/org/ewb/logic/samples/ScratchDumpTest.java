package org.ewb.logic.samples;

import java.nio.file.Path;
import org.ewb.logic.project.InMemoryProjectRepository;
import org.ewb.model.*;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
  @Test
  void dump() {
    InMemoryProjectRepository repo = new InMemoryProjectRepository();
    new StemCellSampleBuilder(Path.of("sample-projects/sources")).build(repo);
    ProjectData d = repo.snapshot();
    StringBuilder sb = new StringBuilder();
    var byId = d.studiesById();
    for (Study s : d.studies()) {
      sb.append(s.label()).append(" | ").append(s.status()).append(" | ").append(s.doi()).append(" | ").append(s.pmid()).append('\n');
      for (Arm a : d.armsOf(s.id())) sb.append("   arm ").append(a).append('\n');
    }
    for (Outcome o : d.outcomes()) {
      sb.append(o).append('\n');
      for (TimePoint t : d.timePointsOf(o.id())) sb.append("  ").append(t).append('\n');
    }
    for (Measurement m : d.measurements()) {
      sb.append(byId.get(m.studyId()).label()).append(" ").append(m).append('\n');
    }
    sb.append(d.studies().stream().filter(s -> s.key().startsWith("yao")).findFirst().get().notes()).append('\n');
    sb.append(d.studies().stream().filter(s -> s.key().startsWith("hu2013")).findFirst().get().notes()).append('\n');
    try { java.nio.file.Files.writeString(Path.of("/tmp/scratch/dump.txt"), sb); } catch (Exception e) { throw new RuntimeException(e); }
  }
}
