package org.ewb.logic.importing;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Arm;
import org.ewb.model.ArmRole;
import org.ewb.model.CellText;
import org.ewb.model.CharacteristicField;
import org.ewb.model.CharacteristicValue;
import org.ewb.model.FieldType;
import org.ewb.model.GenericEstimate;
import org.ewb.model.Measurement;
import org.ewb.model.Outcome;
import org.ewb.model.OutcomeKind;
import org.ewb.model.ProjectData;
import org.ewb.model.Provenance;
import org.ewb.model.ProvenanceSource;
import org.ewb.model.Study;
import org.ewb.model.StudyReference;
import org.ewb.model.StudyStatus;
import org.ewb.model.TimePoint;

/**
 * RevMan 5 reviews ({@code .rm5}, XML; ADR 0114): studies with their references and characteristics
 * tables, risk-of-bias judgements as characteristic fields, and the data of every comparison's
 * dichotomous, continuous and generic inverse variance outcomes (subgroups as a characteristic
 * field per outcome). What has no place in a project (IPD and "other" outcomes, O − E data, review
 * text, figures, additional tables) is counted and listed, not dropped silently.
 */
public final class Rm5Importer {

  /** What the file held, read before anything is stored. */
  public static final class Review {
    final String file;
    final Map<String, Rm5Study> studies = new LinkedHashMap<>();
    final List<Rm5Outcome> outcomes = new ArrayList<>();
    final List<String> robItems = new ArrayList<>();
    final List<String> unmapped = new ArrayList<>();
    final Map<String, Integer> unmappedCounts = new LinkedHashMap<>();

    Review(String file) {
      this.file = file;
    }

    public int studies() {
      return studies.size();
    }

    public int outcomes() {
      return outcomes.size();
    }
  }

  static final class Rm5Study {
    String id;
    String name;
    String year;
    StudyStatus status;
    final List<StudyReference> refs = new ArrayList<>();
    final Map<String, String> chars = new LinkedHashMap<>();
    final Map<String, String[]> rob = new LinkedHashMap<>();
  }

  static final class Rm5Outcome {
    String comparison;
    String name;
    OutcomeKind kind;
    String measure;
    String group1 = "";
    String group2 = "";
    final List<Map<String, String>> data = new ArrayList<>();
  }

  /** What the import stored. */
  public record Result(
      int studies,
      int references,
      int outcomes,
      int measurements,
      int estimates,
      List<String> unmapped) {}

  private static final String[] CHAR_SECTIONS = {
    "CHAR_METHODS", "CHAR_PARTICIPANTS", "CHAR_INTERVENTIONS", "CHAR_OUTCOMES", "CHAR_NOTES"
  };

  /** RevMan's rich-text elements: their text belongs to the enclosing field. */
  private static final java.util.Set<String> INLINE =
      java.util.Set.of("P", "B", "I", "U", "BR", "SUP", "SUB", "LINK", "OL", "UL", "LI");

  private Rm5Importer() {}

  public static Review read(Path file) {
    return parse(file.getFileName().toString(), TextDecoder.read(file).text());
  }

  /** Parses the XML; a file that is not a RevMan 5 review, or is cut short, is refused. */
  public static Review parse(String name, String text) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    Review rv = new Review(name);
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(new StringReader(text));
      List<String> path = new ArrayList<>();
      StringBuilder chars = new StringBuilder();
      Rm5Study study = null;
      StudyReference.Builder ref = null;
      String charStudy = null;
      String comparison = null;
      Rm5Outcome outcome = null;
      String subgroup = "";
      String robName = null;
      Map<String, String> robEntry = null;
      boolean root = false;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String el = r.getLocalName();
          if (!root) {
            root = true;
            if (!el.equals("COCHRANE_REVIEW")) {
              throw ImportErrors.refuse(
                  name, r.getLocation().getLineNumber(), "import.error.rm5.root", el);
            }
          }
          String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
          path.add(el);
          if (!INLINE.contains(el)) {
            chars.setLength(0);
          }
          switch (el) {
            case "STUDY" -> {
              study = new Rm5Study();
              study.id = attr(r, "ID");
              study.name = attr(r, "NAME");
              study.year = attr(r, "YEAR");
              study.status =
                  path.contains("INCLUDED_STUDIES") ? StudyStatus.INCLUDED : StudyStatus.EXCLUDED;
              if (!path.contains("INCLUDED_STUDIES") && !path.contains("EXCLUDED_STUDIES")) {
                rv.unmapped.add(Localization.lang("import.rm5.otherStatus", study.name, parent));
              }
              rv.studies.put(study.id, study);
            }
            case "REFERENCE" -> {
              if (study != null) {
                ref = new StudyReference.Builder();
              }
            }
            case "IDENTIFIER" -> {
              if (ref != null) {
                String type = attr(r, "TYPE").toUpperCase(Locale.ROOT);
                if (type.equals("DOI")) {
                  ref.doi = Identifiers.doi(attr(r, "VALUE"));
                } else if (type.equals("PUBMED") || type.equals("MEDLINE")) {
                  ref.pmid = Identifiers.pmid(attr(r, "VALUE"));
                }
              }
            }
            case "INCLUDED_CHAR", "EXCLUDED_CHAR" -> charStudy = attr(r, "STUDY_ID");
            case "COMPARISON" -> comparison = null;
            case "DICH_OUTCOME", "CONT_OUTCOME", "IV_OUTCOME" -> {
              outcome = new Rm5Outcome();
              outcome.kind =
                  el.startsWith("DICH")
                      ? OutcomeKind.DICHOTOMOUS
                      : el.startsWith("CONT") ? OutcomeKind.CONTINUOUS : OutcomeKind.GENERIC;
              outcome.measure = attr(r, "EFFECT_MEASURE");
              outcome.group1 = attr(r, "GROUP_LABEL_1");
              outcome.group2 = attr(r, "GROUP_LABEL_2");
              outcome.comparison = comparison == null ? "" : comparison;
              subgroup = "";
              rv.outcomes.add(outcome);
            }
            case "IPD_OUTCOME", "OTHER_OUTCOME", "O_E_DATA", "IPD_DATA" ->
                rv.unmappedCounts.merge(el, 1, Integer::sum);
            case "DICH_SUBGROUP", "CONT_SUBGROUP", "IV_SUBGROUP" -> subgroup = "";
            case "DICH_DATA", "CONT_DATA", "IV_DATA" -> {
              if (outcome != null) {
                Map<String, String> d = new HashMap<>();
                for (int i = 0; i < r.getAttributeCount(); i++) {
                  d.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                }
                d.put("@subgroup", subgroup);
                d.put("@line", Integer.toString(r.getLocation().getLineNumber()));
                outcome.data.add(d);
              }
            }
            case "QUALITY_ITEM" -> robName = null;
            case "QUALITY_ITEM_DATA_ENTRY" -> {
              robEntry = new HashMap<>();
              robEntry.put("study", attr(r, "STUDY_ID"));
              robEntry.put("result", attr(r, "RESULT"));
            }
            case "FIGURES", "ADDITIONAL_TABLES", "MAIN_TEXT", "FEEDBACK", "APPENDICES" ->
                rv.unmappedCounts.merge(el, 1, Integer::sum);
            default -> {
              // other elements: text is collected below where needed
            }
          }
        } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
          chars.append(r.getText());
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String el = path.remove(path.size() - 1);
          String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
          String t = RefRecord.Builder.clean(chars.toString());
          switch (el) {
            case "AU" -> {
              if (ref != null) ref.authors = t;
            }
            case "TI" -> {
              if (ref != null) ref.title = t;
            }
            case "SO" -> {
              if (ref != null) ref.journal = t;
            }
            case "YR" -> {
              if (ref != null) ref.year = t;
            }
            case "VL" -> {
              if (ref != null) ref.volume = t;
            }
            case "NO" -> {
              if (ref != null) ref.issue = t;
            }
            case "PG" -> {
              if (ref != null) ref.pages = t;
            }
            case "REFERENCE" -> {
              if (ref != null && study != null) {
                study.refs.add(ref.build(name, study.refs.size()));
              }
              ref = null;
            }
            case "STUDY" -> study = null;
            case "NAME" -> {
              switch (parent) {
                case "COMPARISON" -> comparison = t;
                case "DICH_OUTCOME", "CONT_OUTCOME", "IV_OUTCOME" -> {
                  if (outcome != null) {
                    outcome.name = t;
                  }
                }
                case "DICH_SUBGROUP", "CONT_SUBGROUP", "IV_SUBGROUP" -> subgroup = t;
                case "QUALITY_ITEM" -> {
                  robName = t;
                  if (!rv.robItems.contains(t)) {
                    rv.robItems.add(t);
                  }
                }
                default -> {
                  // names of other elements
                }
              }
            }
            case "EFFECT_MEASURE" -> {
              if (outcome != null
                  && outcome.kind == OutcomeKind.GENERIC
                  && outcome.measure.isEmpty()) {
                outcome.measure = t;
              }
            }
            case "DESCRIPTION" -> {
              if (robEntry != null) robEntry.put("support", t);
            }
            case "QUALITY_ITEM_DATA_ENTRY" -> {
              if (robEntry == null) {
                break;
              }
              Rm5Study s = rv.studies.get(robEntry.get("study"));
              if (s != null && robName != null) {
                s.rob.put(
                    robName,
                    new String[] {robEntry.get("result"), robEntry.getOrDefault("support", "")});
              }
              robEntry = null;
            }
            case "DICH_OUTCOME", "CONT_OUTCOME", "IV_OUTCOME" -> outcome = null;
            default -> {
              for (String sec : CHAR_SECTIONS) {
                if (el.equals(sec) && charStudy != null) {
                  Rm5Study s = rv.studies.get(charStudy);
                  if (s != null) {
                    s.chars.put(sec, t);
                  }
                }
              }
              if (el.equals("INCLUDED_CHAR") || el.equals("EXCLUDED_CHAR")) {
                charStudy = null;
              }
            }
          }
          if (!INLINE.contains(el)) {
            chars.setLength(0);
          } else {
            chars.append(' ');
          }
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw ImportErrors.refuse(
          name,
          line,
          "import.error.xml",
          String.valueOf(e.getMessage()).replaceFirst("(?s).*Message:", "").strip());
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // read from memory
        }
      }
    }
    if (rv.studies.isEmpty()) {
      throw ImportErrors.refuse(name, 0, "import.error.rm5.noStudies");
    }
    rv.unmappedCounts.forEach(
        (el, n) -> rv.unmapped.add(Localization.lang("import.rm5.unmapped", el, n)));
    return rv;
  }

  private static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v.strip();
  }

  /** Stores the review in one transaction (nothing if anything fails). */
  public static Result apply(ProjectRepository repo, ReferenceStore refs, Review rv) {
    int[] counts = new int[5];
    List<String> notes = new ArrayList<>(rv.unmapped);
    repo.inTransaction(
        () -> {
          ProjectData d = repo.snapshotWithoutOutcomeData();
          Map<String, Study> byLabel = new HashMap<>();
          d.studies().forEach(s -> byLabel.putIfAbsent(s.label().toLowerCase(Locale.ROOT), s));
          Map<String, CharacteristicField> fields = new HashMap<>();
          d.fields().forEach(fl -> fields.put(fl.key(), fl));
          int order = d.studies().stream().mapToInt(Study::displayOrder).max().orElse(-1) + 1;
          int fieldOrder =
              d.fields().stream().mapToInt(CharacteristicField::displayOrder).max().orElse(-1) + 1;
          Map<String, Study> stored = new HashMap<>();
          for (Rm5Study s : rv.studies.values()) {
            Study st = byLabel.get(s.name.toLowerCase(Locale.ROOT));
            if (st == null) {
              Integer year = null;
              java.util.regex.Matcher m =
                  java.util.regex.Pattern.compile("\\d{4}").matcher(s.year + " " + s.name);
              if (m.find()) {
                year = Integer.parseInt(m.group());
              }
              StudyReference first = s.refs.isEmpty() ? null : s.refs.get(0);
              st =
                  repo.insertStudy(
                      new Study(
                          0,
                          StudyLabels.key(s.name),
                          s.name,
                          first == null ? "" : first.authors(),
                          year,
                          first == null ? "" : first.title(),
                          first == null ? "" : first.journal(),
                          first == null ? "" : first.doi(),
                          first == null ? "" : first.pmid(),
                          "",
                          "",
                          "",
                          "",
                          s.status,
                          order++));
              counts[0]++;
            } else {
              notes.add(Localization.lang("import.rm5.studyExists", s.name));
            }
            stored.put(s.id, st);
            for (StudyReference ref : s.refs) {
              refs.insertReference(ref.withStudy(st.id(), ref.displayOrder()));
              counts[1]++;
            }
            for (Map.Entry<String, String> c : s.chars.entrySet()) {
              if (c.getValue().isBlank()) {
                continue;
              }
              String key = "rm5_" + c.getKey().substring(5).toLowerCase(Locale.ROOT);
              CharacteristicField fl = fields.get(key);
              if (fl == null) {
                String sec = c.getKey().substring(5).toLowerCase(Locale.ROOT);
                fl =
                    repo.insertField(
                        new CharacteristicField(
                            0,
                            key,
                            Localization.lang(
                                Localization.forLanguage("en"), "import.rm5.char." + sec),
                            Localization.lang(
                                Localization.forLanguage("zh"), "import.rm5.char." + sec),
                            FieldType.TEXT,
                            "",
                            List.of(),
                            "Characteristics (RevMan 5)",
                            "研究特征（RevMan 5）",
                            fieldOrder++));
                fields.put(key, fl);
              }
              repo.putValue(
                  new CharacteristicValue(st.id(), fl.id(), c.getValue(), Provenance.NONE));
            }
            for (Map.Entry<String, String[]> b : s.rob.entrySet()) {
              int idx = rv.robItems.indexOf(b.getKey()) + 1;
              String key = "rob_" + idx;
              CharacteristicField fl = fields.get(key);
              if (fl == null) {
                fl =
                    repo.insertField(
                        new CharacteristicField(
                            0,
                            key,
                            b.getKey(),
                            b.getKey(),
                            FieldType.CHOICE,
                            "",
                            List.of("Low risk", "High risk", "Unclear risk"),
                            "Risk of bias (RevMan 5)",
                            "偏倚风险（RevMan 5）",
                            fieldOrder++));
                fields.put(key, fl);
              }
              String judgement =
                  switch (b.getValue()[0].toUpperCase(Locale.ROOT)) {
                    case "YES" -> "Low risk";
                    case "NO" -> "High risk";
                    default -> "Unclear risk";
                  };
              repo.putValue(
                  new CharacteristicValue(
                      st.id(),
                      fl.id(),
                      judgement,
                      b.getValue()[1].isEmpty()
                          ? Provenance.NONE
                          : new Provenance(ProvenanceSource.TEXT, "", b.getValue()[1], "")));
            }
          }
          int outcomeOrder =
              d.outcomes().stream().mapToInt(Outcome::displayOrder).max().orElse(-1) + 1;
          Map<Long, List<Arm>> arms = new HashMap<>();
          d.arms().forEach(a -> arms.computeIfAbsent(a.studyId(), k -> new ArrayList<>()).add(a));
          List<Measurement> ms = new ArrayList<>();
          int outcomeNo = 0;
          for (Rm5Outcome o : rv.outcomes) {
            outcomeNo++;
            String oname = o.comparison.isEmpty() ? o.name : o.comparison + ": " + o.name;
            Outcome out =
                repo.insertOutcome(new Outcome(0, oname, o.kind, "", false, outcomeOrder++));
            TimePoint tp =
                repo.insertTimePoint(
                    new TimePoint(0, out.id(), 0, Localization.lang("import.rm5.timepoint")));
            counts[2]++;
            CharacteristicField sgField = null;
            for (Map<String, String> row : o.data) {
              Study st = stored.get(row.get("STUDY_ID"));
              if (st == null) {
                notes.add(
                    Localization.lang(
                        "import.rm5.noStudy", row.get("STUDY_ID"), oname, row.get("@line")));
                continue;
              }
              String sg = row.get("@subgroup");
              if (!sg.isEmpty()) {
                if (sgField == null) {
                  String key = "rm5_subgroup_" + outcomeNo;
                  sgField = fields.get(key);
                  if (sgField == null) {
                    sgField =
                        repo.insertField(
                            new CharacteristicField(
                                0,
                                key,
                                Localization.lang(
                                    Localization.forLanguage("en"), "import.rm5.subgroup", oname),
                                Localization.lang(
                                    Localization.forLanguage("zh"), "import.rm5.subgroup", oname),
                                FieldType.TEXT,
                                "",
                                List.of(),
                                "Subgroups (RevMan 5)",
                                "亚组（RevMan 5）",
                                fieldOrder++));
                    fields.put(key, sgField);
                  }
                }
                repo.putValue(new CharacteristicValue(st.id(), sgField.id(), sg, Provenance.NONE));
              }
              if (o.kind == OutcomeKind.GENERIC) {
                String measure = ivMeasure(o.measure);
                repo.putGenericEstimate(
                    new GenericEstimate(
                        0,
                        st.id(),
                        out.id(),
                        tp.id(),
                        CellText.of(row.getOrDefault("EFFECT_SIZE", "")),
                        CellText.of(row.getOrDefault("SE", "")),
                        measure,
                        Provenance.NONE));
                counts[4]++;
                continue;
              }
              Arm e =
                  arm(
                      repo,
                      arms,
                      st,
                      o.group1.isEmpty() ? "Experimental" : o.group1,
                      ArmRole.EXPERIMENTAL);
              Arm c =
                  arm(repo, arms, st, o.group2.isEmpty() ? "Control" : o.group2, ArmRole.CONTROL);
              if (o.kind == OutcomeKind.DICHOTOMOUS) {
                ms.add(
                    Measurement.dichotomous(
                        st.id(),
                        out.id(),
                        e.id(),
                        tp.id(),
                        CellText.of(row.getOrDefault("EVENTS_1", "")),
                        CellText.of(row.getOrDefault("TOTAL_1", "")),
                        Provenance.NONE));
                ms.add(
                    Measurement.dichotomous(
                        st.id(),
                        out.id(),
                        c.id(),
                        tp.id(),
                        CellText.of(row.getOrDefault("EVENTS_2", "")),
                        CellText.of(row.getOrDefault("TOTAL_2", "")),
                        Provenance.NONE));
              } else {
                ms.add(
                    Measurement.continuous(
                        st.id(),
                        out.id(),
                        e.id(),
                        tp.id(),
                        CellText.of(row.getOrDefault("TOTAL_1", "")),
                        CellText.of(row.getOrDefault("MEAN_1", "")),
                        CellText.of(row.getOrDefault("SD_1", "")),
                        Provenance.NONE));
                ms.add(
                    Measurement.continuous(
                        st.id(),
                        out.id(),
                        c.id(),
                        tp.id(),
                        CellText.of(row.getOrDefault("TOTAL_2", "")),
                        CellText.of(row.getOrDefault("MEAN_2", "")),
                        CellText.of(row.getOrDefault("SD_2", "")),
                        Provenance.NONE));
              }
              counts[3] += 2;
            }
          }
          repo.insertMeasurements(ms);
        });
    notes.add(Localization.lang("import.rm5.timepointNote"));
    return new Result(counts[0], counts[1], counts[2], counts[3], counts[4], notes);
  }

  /**
   * The measure of generic inverse-variance data: RevMan enters ratio measures on the log scale, so
   * "Hazard Ratio" / "Odds Ratio" / "Risk Ratio" become logHR / logOR / logRR.
   */
  static String ivMeasure(String m) {
    String l = m.toLowerCase(Locale.ROOT);
    if (l.startsWith("log")) {
      return m;
    }
    if (l.contains("hazard") || l.equals("hr")) {
      return "logHR";
    }
    if (l.contains("odds") || l.equals("or") || l.contains("peto")) {
      return "logOR";
    }
    if (l.contains("risk ratio") || l.equals("rr") || l.contains("rate ratio")) {
      return "logRR";
    }
    return m;
  }

  private static Arm arm(
      ProjectRepository repo, Map<Long, List<Arm>> arms, Study st, String label, ArmRole role) {
    List<Arm> list = arms.computeIfAbsent(st.id(), k -> new ArrayList<>());
    for (Arm a : list) {
      if (a.label().equalsIgnoreCase(label)) {
        return a;
      }
    }
    Arm a = repo.insertArm(new Arm(0, st.id(), label, role, "", null, list.size()));
    list.add(a);
    return a;
  }
}
