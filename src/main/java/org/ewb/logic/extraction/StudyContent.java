package org.ewb.logic.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Study;

/**
 * A study with everything that hangs on it (arms, characteristic values, measurements, generic
 * estimates): what a study deletion must give back on undo, with the same ids.
 */
public record StudyContent(
    Study study,
    List<Arm> arms,
    List<CharacteristicValue> values,
    List<Measurement> measurements,
    List<GenericEstimate> estimates) {

  public StudyContent {
    arms = List.copyOf(arms);
    values = List.copyOf(values);
    measurements = List.copyOf(measurements);
    estimates = List.copyOf(estimates);
  }

  /** Reads a study's content from the open project. */
  public static StudyContent of(ProjectCache cache, long studyId) {
    Study s =
        cache
            .study(studyId)
            .orElseThrow(() -> new IllegalArgumentException("no study with id " + studyId));
    return new StudyContent(
        s,
        cache.armsOf(studyId),
        List.copyOf(cache.valuesOf(studyId).values()),
        cache.measurementsOfStudy(studyId),
        cache.estimatesOfStudy(studyId));
  }

  /**
   * Inserts the study and its content. Entities with id 0 get new ids (references from values and
   * measurements to the study and arms are mapped); returns the content as stored, with ids.
   */
  public StudyContent insertInto(ProjectRepository r) {
    Study storedStudy = r.insertStudy(study);
    long sid = storedStudy.id();
    Map<Long, Long> armIds = new HashMap<>();
    List<Arm> storedArms = new ArrayList<>();
    for (Arm a : arms) {
      Arm stored =
          r.insertArm(
              new Arm(
                  a.id(),
                  sid,
                  a.label(),
                  a.role(),
                  a.intervention(),
                  a.randomised(),
                  a.displayOrder()));
      storedArms.add(stored);
      armIds.put(a.id(), stored.id());
    }
    List<CharacteristicValue> storedValues = new ArrayList<>();
    for (CharacteristicValue v : values) {
      CharacteristicValue nv =
          new CharacteristicValue(sid, v.fieldId(), v.value(), v.provenance(), v.valueZh());
      r.putValue(nv);
      storedValues.add(nv);
    }
    List<Measurement> storedMeasurements = new ArrayList<>();
    for (Measurement m : measurements) {
      Measurement nm =
          new Measurement(
              m.id(),
              sid,
              m.outcomeId(),
              armIds.getOrDefault(m.armId(), m.armId()),
              m.timePointId(),
              m.n(),
              m.mean(),
              m.sd(),
              m.events(),
              m.total(),
              m.reported(),
              m.derivation(),
              m.provenance());
      Measurement stored = r.putMeasurement(nm);
      storedMeasurements.add(stored != null ? stored : nm);
    }
    List<GenericEstimate> storedEstimates = new ArrayList<>();
    for (GenericEstimate g : estimates) {
      GenericEstimate ng =
          new GenericEstimate(
              g.id(),
              sid,
              g.outcomeId(),
              g.timePointId(),
              g.effect(),
              g.se(),
              g.measure(),
              g.provenance());
      GenericEstimate stored = r.putGenericEstimate(ng);
      storedEstimates.add(stored != null ? stored : ng);
    }
    return new StudyContent(
        storedStudy, storedArms, storedValues, storedMeasurements, storedEstimates);
  }

  /** A copy to insert as a new study: no ids, a new key and label; no outcome data. */
  public StudyContent asNewCopy(String newKey, String newLabel, int displayOrder) {
    Study s = study;
    Study copy =
        new Study(
            0,
            newKey,
            newLabel,
            s.authors(),
            s.year(),
            s.title(),
            s.journal(),
            s.doi(),
            s.pmid(),
            s.registration(),
            s.country(),
            s.design(),
            s.notes(),
            s.status(),
            displayOrder);
    // arm ids are kept as placeholders so insertInto can map them, then dropped to 0 there
    List<Arm> newArms =
        arms.stream()
            .map(
                a ->
                    new Arm(
                        0,
                        0,
                        a.label(),
                        a.role(),
                        a.intervention(),
                        a.randomised(),
                        a.displayOrder()))
            .toList();
    return new StudyContent(copy, newArms, values, List.of(), List.of());
  }
}
