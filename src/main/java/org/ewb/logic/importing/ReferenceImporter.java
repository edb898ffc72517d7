package org.ewb.logic.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewb.logic.l10n.Localization;
import org.ewb.logic.project.ProjectRepository;
import org.ewb.model.Study;
import org.ewb.model.StudyReference;
import org.ewb.model.StudyStatus;
import org.ewb.model.WorkbenchException;

/**
 * Turns the records of a reference file into studies: finds duplicates within the file and against
 * the project ({@link DuplicateFinder}), then, in one transaction, merges each group of records
 * taken for the same into one study (a new one, or an existing one that matched) and keeps every
 * record as a {@link StudyReference} of its study. Certain duplicates are merged unless the
 * reviewer says otherwise; possible ones are kept apart unless the reviewer says merge.
 */
public final class ReferenceImporter {

  /** What to do with a duplicate pair. */
  public enum Decision {
    MERGE,
    KEEP_BOTH
  }

  /**
   * One duplicate pair for the reviewer: record {@code a} and either record {@code b} (within the
   * file) or the existing study {@code existing}.
   */
  public record Duplicate(
      int index,
      RefRecord a,
      RefRecord b,
      Study existing,
      DuplicateFinder.Reason reason,
      double score,
      boolean certain) {

    public boolean withinFile() {
      return existing == null;
    }

    public Decision defaultDecision() {
      return certain ? Decision.MERGE : Decision.KEEP_BOTH;
    }
  }

  /** The records of a file with the duplicates found, before anything is stored. */
  public record Plan(
      ReferenceReader.Parsed parsed, List<Study> existing, List<Duplicate> duplicates) {

    public List<RefRecord> records() {
      return parsed.records();
    }
  }

  /** What an import did (or, for a dry run, would do). */
  public record Result(
      int records,
      int studiesCreated,
      int recordsMergedIntoExisting,
      int recordsMergedWithinFile,
      int duplicatesKeptApart,
      List<Study> created,
      List<String> notes) {}

  private ReferenceImporter() {}

  /** Finds the duplicates of the parsed records within the file and against the project. */
  public static Plan plan(
      ReferenceReader.Parsed parsed, List<Study> studies, List<StudyReference> references) {
    List<RefRecord> records = parsed.records();
    List<DuplicateFinder.Entry> entries = new ArrayList<>(records.size() + studies.size());
    for (RefRecord r : records) {
      entries.add(
          new DuplicateFinder.Entry(
              r.doi(), r.pmid(), r.registrations(), r.title(), r.year(), r.firstAuthor()));
    }
    // existing studies: their own fields and each of their records
    List<Study> owner = new ArrayList<>();
    Map<Long, Study> byId = new HashMap<>();
    for (Study s : studies) {
      byId.put(s.id(), s);
      entries.add(
          new DuplicateFinder.Entry(
              Identifiers.doi(s.doi()),
              Identifiers.pmid(s.pmid()),
              Identifiers.registrations(s.registration()),
              s.title(),
              s.year(),
              firstAuthor(s.authors())));
      owner.add(s);
    }
    for (StudyReference ref : references) {
      Study s = byId.get(ref.studyId());
      if (s == null) {
        continue;
      }
      entries.add(
          new DuplicateFinder.Entry(
              Identifiers.doi(ref.doi()),
              Identifiers.pmid(ref.pmid()),
              Identifiers.registrations(ref.registration()),
              ref.title(),
              ref.year(),
              firstAuthor(ref.authors())));
      owner.add(s);
    }
    int n = records.size();
    List<DuplicateFinder.Pair> pairs = DuplicateFinder.find(entries, n);
    // one pair per (record, existing study): the strongest
    Map<String, DuplicateFinder.Pair> best = new LinkedHashMap<>();
    for (DuplicateFinder.Pair p : pairs) {
      String key = p.b() < n ? p.a() + ":" + p.b() : p.a() + ":s" + owner.get(p.b() - n).id();
      DuplicateFinder.Pair old = best.get(key);
      if (old == null || stronger(p, old)) {
        best.put(key, p);
      }
    }
    List<Duplicate> dups = new ArrayList<>();
    for (DuplicateFinder.Pair p : best.values()) {
      RefRecord a = records.get(p.a());
      if (p.b() < n) {
        dups.add(
            new Duplicate(
                dups.size(), a, records.get(p.b()), null, p.reason(), p.score(), p.certain()));
      } else {
        dups.add(
            new Duplicate(
                dups.size(), a, null, owner.get(p.b() - n), p.reason(), p.score(), p.certain()));
      }
    }
    return new Plan(parsed, studies, dups);
  }

  private static boolean stronger(DuplicateFinder.Pair p, DuplicateFinder.Pair old) {
    if (p.certain() != old.certain()) {
      return p.certain();
    }
    return p.score() > old.score();
  }

  /** The default decision of every pair, with possible ones merged if {@code mergePossible}. */
  public static Map<Integer, Decision> defaults(Plan plan, boolean mergePossible) {
    Map<Integer, Decision> d = new HashMap<>();
    for (Duplicate x : plan.duplicates()) {
      d.put(x.index(), x.certain() || mergePossible ? Decision.MERGE : Decision.KEEP_BOTH);
    }
    return d;
  }

  /**
   * Stores the plan in one transaction: every new study and record, or nothing (a failure or a
   * cancel rolls it all back). {@code repo} and {@code refs} are the same project.
   */
  public static Result apply(
      ProjectRepository repo,
      ReferenceStore refs,
      Plan plan,
      Map<Integer, Decision> decisions,
      StudyStatus status,
      ImportProgress progress) {
    Grouping g = group(plan, decisions);
    List<Study> created = new ArrayList<>();
    repo.inTransaction(
        () -> {
          int order = plan.existing().stream().mapToInt(Study::displayOrder).max().orElse(-1) + 1;
          long total = plan.records().size();
          long done = 0;
          Map<Long, Integer> refOrder = new HashMap<>();
          for (StudyReference r : refs.references()) {
            refOrder.merge(r.studyId(), r.displayOrder() + 1, Math::max);
          }
          for (int gi = 0; gi < g.groups.size(); gi++) {
            List<RefRecord> members = g.groups.get(gi);
            Study target = g.existing.get(gi);
            Study study;
            if (target == null) {
              study = repo.insertStudy(fromRecords(g.labels.get(gi), members, status, order++));
              created.add(study);
            } else {
              study = target;
              Study filled = fill(target, members);
              if (!filled.equals(target)) {
                repo.updateStudy(filled);
              }
            }
            int ro = refOrder.getOrDefault(study.id(), 0);
            for (RefRecord r : members) {
              refs.insertReference(reference(plan.parsed().file(), r, study.id(), ro++));
              done++;
            }
            refOrder.put(study.id(), ro);
            if ((gi & 255) == 0 || gi == g.groups.size() - 1) {
              if (progress.cancelled()) {
                throw new WorkbenchException(
                    WorkbenchException.Kind.DATA, Localization.lang("import.cancelled"));
              }
              progress.update(done, total);
            }
          }
        });
    return g.result(plan, created);
  }

  /** What {@link #apply} would do, without storing anything. */
  public static Result dryRun(Plan plan, Map<Integer, Decision> decisions) {
    return group(plan, decisions).result(plan, List.of());
  }

  /** Groups of records to become one study each, and the existing study each joins (or null). */
  private static final class Grouping {
    final List<List<RefRecord>> groups = new ArrayList<>();
    final List<Study> existing = new ArrayList<>();
    List<String> labels = List.of();
    int mergedIntoExisting;
    int mergedWithinFile;
    int keptApart;
    final List<String> notes = new ArrayList<>();

    Result result(Plan plan, List<Study> created) {
      int newStudies = (int) existing.stream().filter(s -> s == null).count();
      return new Result(
          plan.records().size(),
          newStudies,
          mergedIntoExisting,
          mergedWithinFile,
          keptApart,
          created,
          notes);
    }
  }

  private static Grouping group(Plan plan, Map<Integer, Decision> decisions) {
    List<RefRecord> records = plan.records();
    int n = records.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Study[] joins = new Study[n]; // per root: the existing study the group merges into
    Grouping g = new Grouping();
    for (Duplicate d : plan.duplicates()) {
      Decision dec = decisions.getOrDefault(d.index(), d.defaultDecision());
      if (dec != Decision.MERGE) {
        g.keptApart++;
        continue;
      }
      int ra = find(parent, d.a().number() - 1);
      if (d.withinFile()) {
        int rb = find(parent, d.b().number() - 1);
        if (ra == rb) {
          continue;
        }
        if (joins[ra] != null && joins[rb] != null && joins[ra].id() != joins[rb].id()) {
          g.notes.add(
              Localization.lang(
                  "import.note.twoStudies",
                  d.a().number(),
                  d.b().number(),
                  joins[ra].label(),
                  joins[rb].label()));
          g.keptApart++;
          continue;
        }
        Study j = joins[ra] != null ? joins[ra] : joins[rb];
        int root = Math.min(ra, rb);
        parent[Math.max(ra, rb)] = root;
        joins[root] = j;
      } else {
        if (joins[ra] != null && joins[ra].id() != d.existing().id()) {
          g.notes.add(
              Localization.lang(
                  "import.note.twoStudies",
                  d.a().number(),
                  d.a().number(),
                  joins[ra].label(),
                  d.existing().label()));
          g.keptApart++;
          continue;
        }
        joins[ra] = d.existing();
      }
    }
    Map<Integer, Integer> groupOfRoot = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      Integer gi = groupOfRoot.get(r);
      if (gi == null) {
        gi = g.groups.size();
        groupOfRoot.put(r, gi);
        g.groups.add(new ArrayList<>());
        g.existing.add(joins[r]);
      }
      g.groups.get(gi).add(records.get(i));
    }
    List<String> authors = new ArrayList<>();
    List<Integer> years = new ArrayList<>();
    for (int gi = 0; gi < g.groups.size(); gi++) {
      List<RefRecord> members = g.groups.get(gi);
      if (g.existing.get(gi) != null) {
        g.mergedIntoExisting += members.size();
      } else {
        g.mergedWithinFile += members.size() - 1;
        RefRecord lead = members.get(0);
        authors.add(lead.firstAuthor());
        years.add(year(members));
      }
    }
    StudyLabels labeller = new StudyLabels(plan.existing().stream().map(Study::label).toList());
    List<String> assigned = labeller.assign(authors, years);
    List<String> labels = new ArrayList<>();
    int k = 0;
    for (int gi = 0; gi < g.groups.size(); gi++) {
      labels.add(g.existing.get(gi) == null ? assigned.get(k++) : null);
    }
    g.labels = labels;
    return g;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static Integer year(List<RefRecord> members) {
    return members.stream()
        .map(RefRecord::year)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static Study fromRecords(
      String label, List<RefRecord> members, StudyStatus st, int order) {
    Study s =
        new Study(
            0, StudyLabels.key(label), label, "", null, "", "", "", "", "", "", "", "", st, order);
    return fill(s, members);
  }

  /** The study with its empty bibliographic fields filled from the records, in record order. */
  static Study fill(Study s, List<RefRecord> members) {
    String authors = s.authors();
    Integer year = s.year();
    String title = s.title();
    String journal = s.journal();
    String doi = s.doi();
    String pmid = s.pmid();
    String registration = s.registration();
    for (RefRecord r : members) {
      if (authors.isBlank() && !r.authors().isEmpty()) {
        authors = String.join("; ", r.authors());
      }
      if (year == null) {
        year = r.year();
      }
      title = title.isBlank() ? r.title() : title;
      journal = journal.isBlank() ? r.journal() : journal;
      doi = doi.isBlank() ? r.doi() : doi;
      pmid = pmid.isBlank() ? r.pmid() : pmid;
      for (String reg : r.registrations()) {
        if (!registration.contains(reg)) {
          registration = registration.isBlank() ? reg : registration + "; " + reg;
        }
      }
    }
    return new Study(
        s.id(),
        s.key(),
        s.label(),
        authors,
        year,
        title,
        journal,
        doi,
        pmid,
        registration,
        s.country(),
        s.design(),
        s.notes(),
        s.status(),
        s.displayOrder());
  }

  static StudyReference reference(String file, RefRecord r, long studyId, int order) {
    return new StudyReference(
        0,
        studyId,
        String.join("; ", r.authors()),
        r.year(),
        r.title(),
        r.journal(),
        r.volume(),
        r.issue(),
        r.pages(),
        r.doi(),
        r.pmid(),
        String.join("; ", r.registrations()),
        r.abstractText(),
        String.join("; ", r.keywords()),
        r.language(),
        Localization.lang("import.source", file, r.number()),
        order);
  }

  private static String firstAuthor(String authors) {
    int i = authors.indexOf(';');
    return (i < 0 ? authors : authors.substring(0, i)).strip();
  }
}
