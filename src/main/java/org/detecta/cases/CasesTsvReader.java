package org.detecta.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the cases TSV: header {@code case_id	disease_ids	observed_hpo	excluded_hpo}; disease ids are
 * {@code |}-separated, HPO ids {@code ,}-separated; {@code excluded_hpo} may be missing or empty. An
 * optional {@code publication} column keeps cases of one paper together in splits.
 */
public final class CasesTsvReader implements CaseReader {
  static final List<String> REQUIRED = List.of("case_id", "disease_ids", "observed_hpo");

  @Override
  public CaseBatch read(InputStream in, String sourceName) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Issue> issues = new ArrayList<>();
    List<PatientCase> cases = new ArrayList<>();
    String header = reader.readLine();
    if (header == null || header.isBlank()) {
      return new CaseBatch(cases, List.of(Issue.error(sourceName + ":1", "empty file: expected a header "
          + String.join("\\t", REQUIRED) + "\\texcluded_hpo")));
    }
    List<String> columns = Arrays.stream(header.replace("\uFEFF", "").split("\t")).map(String::trim).toList();
    List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
    if (!missing.isEmpty()) {
      return new CaseBatch(cases, List.of(Issue.error(sourceName + ":1", "header lacks column(s) " + missing
          + "; expected case_id<TAB>disease_ids<TAB>observed_hpo[<TAB>excluded_hpo]")));
    }
    Columns at = new Columns(columns.indexOf("case_id"), columns.indexOf("disease_ids"), columns.indexOf("observed_hpo"),
        columns.indexOf("excluded_hpo"), columns.indexOf("publication"));
    CaseFiles.forEachRow(reader, sourceName, (line, location) -> row(line.split("\t", -1), at, location, issues)
        .ifPresent(cases::add));
    return new CaseBatch(cases, issues);
  }

  /** Where each column is (-1 when absent). */
  private record Columns(int id, int diseases, int observed, int excluded, int publication) {
  }

  private static Optional<PatientCase> row(String[] cells, Columns at, String location, List<Issue> issues) {
    int needed = Math.max(at.id(), Math.max(at.diseases(), at.observed())) + 1;
    if (cells.length < needed) {
      issues.add(new Issue(Issue.Severity.ERROR, location, "expected at least " + needed
          + " tab-separated columns, found " + cells.length + "; line skipped", "separate columns with tabs"));
      return Optional.empty();
    }
    String id = cells[at.id()].trim();
    if (id.isEmpty()) {
      issues.add(Issue.error(location, "empty case_id"));
      return Optional.empty();
    }
    List<String> observed = split(cells[at.observed()], ",").stream().map(CaseIds::term).distinct().toList();
    List<String> excluded = at.excluded() >= 0 && at.excluded() < cells.length
        ? split(cells[at.excluded()], ",").stream().map(CaseIds::term).distinct().toList() : List.of();
    List<String> bad = new ArrayList<>();
    observed.stream().filter(t -> !t.matches("HP:\\d{7}")).forEach(bad::add);
    excluded.stream().filter(t -> !t.matches("HP:\\d{7}")).forEach(bad::add);
    if (!bad.isEmpty()) {
      issues.add(Issue.error(location, "case " + id + ": malformed HPO id(s) " + bad + " skipped"));
    }
    List<String> diseases = split(cells[at.diseases()], "\\|").stream().map(CaseIds::disease).distinct().toList();
    if (diseases.isEmpty()) {
      issues.add(Issue.warning(location, "case " + id + " has no disease id"));
    }
    if (observed.stream().noneMatch(t -> t.matches("HP:\\d{7}"))) {
      issues.add(Issue.warning(location, "case " + id + " has no observed HPO term"));
    }
    Optional<String> publication = at.publication() >= 0 && at.publication() < cells.length
        && !cells[at.publication()].isBlank() ? Optional.of(cells[at.publication()].trim()) : Optional.empty();
    return Optional.of(new PatientCase(id, location, publication, Sex.UNKNOWN, Optional.empty(),
        observed.stream().filter(t -> t.matches("HP:\\d{7}")).toList(),
        excluded.stream().filter(t -> t.matches("HP:\\d{7}")).toList(), diseases));
  }

  private static List<String> split(String cell, String separator) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    return Arrays.stream(cell.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }
}
