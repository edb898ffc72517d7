package org.ewb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ewb.logic.importing.ImportProblem;
import org.ewb.logic.importing.ImportProgress;
import org.ewb.logic.importing.RefRecord;
import org.ewb.logic.importing.ReferenceFormat;
import org.ewb.logic.importing.ReferenceImporter;
import org.ewb.logic.importing.ReferenceReader;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.Study;
import org.ewb.model.StudyStatus;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import references FILE --project P.ewb}: adds the records of a reference file as studies,
 * merging certain duplicates (within the file and with the project's studies) and reporting the
 * possible ones.
 */
@Command(
    name = "references",
    mixinStandardHelpOptions = true,
    description = {
      "Import a reference file as studies: RIS, PubMed MEDLINE (nbib), BibTeX/BibLaTeX, EndNote"
          + " XML or CSV (header row). The format is detected; --format overrides.",
      "Duplicates (same DOI, PMID or trial registration; or title similarity >= 0.97 with the"
          + " same year and first author) are merged; possible ones (similarity >= 0.90) are"
          + " listed and kept apart unless --merge-possible."
    })
public final class ImportReferencesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The reference file.")
  Path file;

  @Option(names = "--project", required = true, paramLabel = "P.ewb", description = "Project file.")
  Path project;

  @Option(
      names = "--status",
      defaultValue = "included",
      paramLabel = "STATUS",
      description = "Status of new studies: included, excluded or related (default: included).")
  String status;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "ris, nbib, bibtex, endnote or csv (default: detected).")
  String format;

  @Option(
      names = "--map",
      paramLabel = "FIELD=HEADER",
      description =
          "CSV only: the column of a field (authors, year, title, journal, volume, issue, pages,"
              + " doi, pmid, registration, abstract, keywords, language); repeatable.")
  Map<String, String> map = new LinkedHashMap<>();

  @Option(names = "--merge-possible", description = "Merge possible duplicates too.")
  boolean mergePossible;

  @Option(names = "--dry-run", description = "Report what would be imported; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    StudyStatus st = status(status);
    if (!Files.isRegularFile(file)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE, Localization.lang("import.error.noFile", file));
    }
    ReferenceFormat f = format == null ? null : ReferenceFormat.parse(format);
    ReferenceReader.Parsed parsed = ReferenceReader.read(file, f, map);
    ReferenceImporter.Plan plan;
    ReferenceImporter.Result result;
    try (SqliteProjectStore store = SqliteProjectStore.open(project)) {
      plan = ReferenceImporter.plan(parsed, store.studies(), store.references());
      Map<Integer, ReferenceImporter.Decision> decisions =
          ReferenceImporter.defaults(plan, mergePossible);
      result =
          dryRun
              ? ReferenceImporter.dryRun(plan, decisions)
              : ReferenceImporter.apply(store, store, plan, decisions, st, ImportProgress.NONE);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, tree(parsed, plan, result));
    } else {
      printText(out, parsed, plan, result);
    }
    return ExitCodes.OK;
  }

  static StudyStatus status(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "included" -> StudyStatus.INCLUDED;
      case "excluded" -> StudyStatus.EXCLUDED;
      case "related", "related_review", "related-review" -> StudyStatus.RELATED_REVIEW;
      default ->
          throw new WorkbenchException(
              WorkbenchException.Kind.USAGE, Localization.lang("import.error.status", s));
    };
  }

  private Map<String, Object> tree(
      ReferenceReader.Parsed parsed, ReferenceImporter.Plan plan, ReferenceImporter.Result r) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("file", file.toAbsolutePath().normalize().toString());
    t.put("format", parsed.format().name().toLowerCase(Locale.ROOT));
    t.put("charset", parsed.charset());
    t.put("dryRun", dryRun);
    t.put("records", r.records());
    t.put("studiesCreated", r.studiesCreated());
    t.put("mergedWithinFile", r.recordsMergedWithinFile());
    t.put("mergedIntoExisting", r.recordsMergedIntoExisting());
    t.put("keptApart", r.duplicatesKeptApart());
    List<Map<String, Object>> dups = new ArrayList<>();
    Map<Integer, ReferenceImporter.Decision> decisions =
        ReferenceImporter.defaults(plan, mergePossible);
    for (ReferenceImporter.Duplicate d : plan.duplicates()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("record", record(d.a()));
      if (d.withinFile()) {
        m.put("duplicateOf", record(d.b()));
      } else {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("study", d.existing().label());
        s.put("id", d.existing().id());
        s.put("title", d.existing().title());
        m.put("duplicateOf", s);
      }
      m.put("withinFile", d.withinFile());
      m.put("reason", d.reason().name().toLowerCase(Locale.ROOT));
      m.put("score", Math.round(d.score() * 1000) / 1000.0);
      m.put("certain", d.certain());
      m.put("merged", decisions.get(d.index()) == ReferenceImporter.Decision.MERGE);
      dups.add(m);
    }
    t.put("duplicates", dups);
    t.put("created", r.created().stream().map(Study::label).toList());
    t.put("problems", parsed.problems().stream().map(ImportProblem::toString).toList());
    t.put("notes", r.notes());
    return t;
  }

  private static Map<String, Object> record(RefRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", r.number());
    m.put("line", r.line());
    m.put("firstAuthor", r.firstAuthor());
    m.put("year", r.year());
    m.put("title", r.title());
    m.put("doi", r.doi());
    m.put("pmid", r.pmid());
    return m;
  }

  private void printText(
      PrintWriter out,
      ReferenceReader.Parsed parsed,
      ReferenceImporter.Plan plan,
      ReferenceImporter.Result r) {
    out.println(
        Localization.lang(
            "import.cli.read",
            r.records(),
            file.getFileName(),
            parsed.format().name(),
            parsed.charset()));
    out.println(
        Localization.lang(
            dryRun ? "import.cli.wouldCreate" : "import.cli.created",
            r.studiesCreated(),
            r.recordsMergedWithinFile(),
            r.recordsMergedIntoExisting(),
            r.duplicatesKeptApart()));
    Map<Integer, ReferenceImporter.Decision> decisions =
        ReferenceImporter.defaults(plan, mergePossible);
    for (ReferenceImporter.Duplicate d : plan.duplicates()) {
      String other =
          d.withinFile()
              ? Localization.lang("import.place.record", d.b().number())
              : Localization.lang("import.cli.study", d.existing().label());
      out.println(
          "  "
              + Localization.lang(
                  d.certain() ? "import.cli.dup.certain" : "import.cli.dup.possible",
                  Localization.lang("import.place.record", d.a().number()),
                  d.a().describe(),
                  other,
                  d.reason().name(),
                  String.format(Locale.ROOT, "%.3f", d.score()),
                  Localization.lang(
                      decisions.get(d.index()) == ReferenceImporter.Decision.MERGE
                          ? "import.cli.merged"
                          : "import.cli.kept")));
    }
    for (ImportProblem p : parsed.problems()) {
      out.println("  " + p);
    }
    for (String n : r.notes()) {
      out.println("  " + n);
    }
    out.flush();
  }
}
