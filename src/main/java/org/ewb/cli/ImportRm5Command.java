package org.ewb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ewb.logic.importing.Rm5Importer;
import org.ewb.logic.l10n.Localization;
import org.ewb.model.WorkbenchException;
import org.ewb.persistence.SqliteProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import rm5 FILE.rm5 --project P.ewb}: a RevMan 5 review into a project. */
@Command(
    name = "rm5",
    mixinStandardHelpOptions = true,
    description =
        "Import a RevMan 5 review (.rm5): studies with references, characteristics and risk of"
            + " bias, comparisons' dichotomous, continuous and generic inverse variance outcomes"
            + " (subgroups as a field). What cannot be mapped is listed.")
public final class ImportRm5Command implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .rm5 file.")
  Path file;

  @Option(names = "--project", required = true, paramLabel = "P.ewb", description = "Project file.")
  Path project;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new WorkbenchException(
          WorkbenchException.Kind.FILE, Localization.lang("import.error.noFile", file));
    }
    Rm5Importer.Review review = Rm5Importer.read(file);
    Rm5Importer.Result r;
    try (SqliteProjectStore store = SqliteProjectStore.open(project)) {
      r = Rm5Importer.apply(store, store, review);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("file", file.toAbsolutePath().normalize().toString());
      t.put("studiesCreated", r.studies());
      t.put("references", r.references());
      t.put("outcomes", r.outcomes());
      t.put("measurements", r.measurements());
      t.put("genericEstimates", r.estimates());
      t.put("notMapped", r.unmapped());
      Json.print(out, t);
    } else {
      out.println(
          Localization.lang(
              "import.cli.rm5",
              file.getFileName(),
              r.studies(),
              r.references(),
              r.outcomes(),
              r.measurements(),
              r.estimates()));
      r.unmapped().forEach(n -> out.println("  " + n));
      out.flush();
    }
    return ExitCodes.OK;
  }
}
