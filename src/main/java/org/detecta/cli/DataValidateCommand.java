package org.detecta.cli;

import org.detecta.cases.Issue;
import org.detecta.data.DataValidator;
import org.detecta.data.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code detecta data validate}: checks every source in the data directory and reports counts and issues. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
        "Check each source present in the data directory: hpo (terms, diseases, annotations, rows skipped),"
            + " phenopackets and cases/*.tsv (cases, diseases, PMIDs, HPO ids that are alternative/obsolete/unknown,"
            + " diseases absent from the knowledge base, duplicates, malformed entries with file and line),"
            + " ddxplus and kaggle (files present, record counts, headers), and the sha256 of files in MANIFEST.json.",
        "Newer HPO ids and diseases missing from the knowledge base are warnings; missing, unreadable, corrupt or"
            + " malformed files and entries are errors."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no error (warnings allowed)", "1:at least one ERROR issue", "2:usage error"})
public final class DataValidateCommand implements Callable<Integer> {
  /** Issues listed in the JSON line (all are counted); the text report lists fewer per source. */
  static final int MAX_JSON_ISSUES = 500;
  private static final int MAX_TEXT_ISSUES = 15;

  @Mixin
  CommonOptions common;

  @Mixin
  JsonOutput output;

  @Override
  public Integer call() throws Exception {
    common.detecta();
    ValidationReport report = new DataValidator(System.err).validate(common.paths().data());
    output.print(() -> toJson(report), () -> printText(report, System.out));
    System.out.flush();
    return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  static Map<String, Object> toJson(ValidationReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("data", report.dataDir());
    root.put("ok", report.ok());
    root.put("errors", report.count(Issue.Severity.ERROR));
    root.put("warnings", report.count(Issue.Severity.WARNING));
    Map<String, Object> sources = new LinkedHashMap<>();
    report.sources().forEach((name, facts) -> {
      Map<String, Object> source = new LinkedHashMap<>(facts);
      source.put("errors", report.count(name, Issue.Severity.ERROR));
      source.put("warnings", report.count(name, Issue.Severity.WARNING));
      sources.put(name, source);
    });
    root.put("sources", sources);
    List<Map<String, String>> issues = new ArrayList<>();
    // Errors first so a cap never hides them behind warnings.
    report.issues().stream()
        .sorted((a, b) -> a.issue().severity().compareTo(b.issue().severity()))
        .limit(MAX_JSON_ISSUES)
        .forEach(i -> {
          Map<String, String> issue = new LinkedHashMap<>();
          issue.put("severity", i.issue().severity().name());
          issue.put("source", i.source());
          issue.put("location", i.issue().location());
          issue.put("message", i.issue().message());
          issue.put("fix", i.issue().fix());
          issues.add(issue);
        });
    root.put("issues", issues);
    root.put("issuesOmitted", Math.max(0, report.issues().size() - MAX_JSON_ISSUES));
    return root;
  }

  private static void printText(ValidationReport report, PrintStream out) {
    out.println("Data directory " + report.dataDir());
    report.sources().forEach((name, facts) -> {
      out.printf("%n[%s] %d error(s), %d warning(s)%n", name, report.count(name, Issue.Severity.ERROR),
          report.count(name, Issue.Severity.WARNING));
      facts.forEach((key, value) -> out.printf("  %-36s %s%n", key, value));
      List<ValidationReport.SourcedIssue> issues = report.issues().stream().filter(i -> i.source().equals(name))
          .sorted((a, b) -> a.issue().severity().compareTo(b.issue().severity())).toList();
      issues.stream().limit(MAX_TEXT_ISSUES).forEach(i -> out.println("  " + i.issue()));
      if (issues.size() > MAX_TEXT_ISSUES) {
        out.printf("  ... and %d more (see --json)%n", issues.size() - MAX_TEXT_ISSUES);
      }
    });
    out.printf("%n%s: %d error(s), %d warning(s)%n", report.ok() ? "OK" : "NOT OK",
        report.count(Issue.Severity.ERROR), report.count(Issue.Severity.WARNING));
  }
}
