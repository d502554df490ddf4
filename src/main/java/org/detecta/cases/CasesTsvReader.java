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
    int idCol = columns.indexOf("case_id");
    int diseaseCol = columns.indexOf("disease_ids");
    int observedCol = columns.indexOf("observed_hpo");
    int excludedCol = columns.indexOf("excluded_hpo");
    int publicationCol = columns.indexOf("publication");
    String line;
    int lineNo = 1;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String location = sourceName + ":" + lineNo;
      String[] cells = line.split("\t", -1);
      int needed = Math.max(idCol, Math.max(diseaseCol, observedCol)) + 1;
      if (cells.length < needed) {
        issues.add(new Issue(Issue.Severity.ERROR, location, "expected at least " + needed
            + " tab-separated columns, found " + cells.length + "; line skipped", "separate columns with tabs"));
        continue;
      }
      String id = cells[idCol].trim();
      if (id.isEmpty()) {
        issues.add(Issue.error(location, "empty case_id"));
        continue;
      }
      List<String> observed = split(cells[observedCol], ",").stream().map(CaseIds::term).distinct().toList();
      List<String> excluded = excludedCol >= 0 && excludedCol < cells.length
          ? split(cells[excludedCol], ",").stream().map(CaseIds::term).distinct().toList() : List.of();
      List<String> bad = new ArrayList<>();
      observed.stream().filter(t -> !t.matches("HP:\\d{7}")).forEach(bad::add);
      excluded.stream().filter(t -> !t.matches("HP:\\d{7}")).forEach(bad::add);
      if (!bad.isEmpty()) {
        issues.add(Issue.error(location, "case " + id + ": malformed HPO id(s) " + bad + " skipped"));
      }
      List<String> diseases = split(cells[diseaseCol], "\\|").stream().map(CaseIds::disease).distinct().toList();
      if (diseases.isEmpty()) {
        issues.add(Issue.warning(location, "case " + id + " has no disease id"));
      }
      if (observed.stream().noneMatch(t -> t.matches("HP:\\d{7}"))) {
        issues.add(Issue.warning(location, "case " + id + " has no observed HPO term"));
      }
      Optional<String> publication = publicationCol >= 0 && publicationCol < cells.length && !cells[publicationCol].isBlank()
          ? Optional.of(cells[publicationCol].trim()) : Optional.empty();
      cases.add(new PatientCase(id, location, publication, Sex.UNKNOWN, Optional.empty(),
          observed.stream().filter(t -> t.matches("HP:\\d{7}")).toList(),
          excluded.stream().filter(t -> t.matches("HP:\\d{7}")).toList(), diseases));
    }
    return new CaseBatch(cases, issues);
  }

  private static List<String> split(String cell, String separator) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    return Arrays.stream(cell.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }
}
