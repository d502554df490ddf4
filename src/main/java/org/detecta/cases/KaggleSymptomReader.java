package org.detecta.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Kaggle disease-symptom table in either form: wide ({@code Training.csv}/{@code Testing.csv}:
 * one 0/1 column per symptom and {@code prognosis}) or long ({@code dataset.csv}: disease then up to 17
 * symptom names; its header line is blank or {@code Disease,Symptom_1,...}). Symptom names are
 * normalised with {@link SymptomNames}; the diagnosis is the prognosis string, trimmed.
 */
public final class KaggleSymptomReader implements CaseReader {
  public static final String SOURCE = "kaggle";

  /** True when a header line looks like either Kaggle form. */
  public static boolean recognises(String header) {
    String h = header.replace("\uFEFF", "").trim();
    return h.replace(",", "").isBlank() || h.startsWith("Disease,Symptom_") || CsvLine.split(h).contains("prognosis");
  }

  @Override
  public CaseBatch read(InputStream in, String sourceName) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null) {
      return new CaseBatch(List.of(), List.of(Issue.error(sourceName + ":1", "empty file: expected a Kaggle symptom table")));
    }
    List<String> columns = CsvLine.split(header.replace("\uFEFF", "")).stream().map(String::trim).toList();
    int prognosis = columns.indexOf("prognosis");
    if (prognosis < 0 && !recognises(header)) {
      return new CaseBatch(List.of(), List.of(new Issue(Issue.Severity.ERROR, sourceName + ":1",
          "header is neither the wide form (symptom columns + prognosis) nor the long form (Disease,Symptom_1..)",
          "use Training.csv/Testing.csv or dataset.csv of the Kaggle disease-symptom set")));
    }
    List<String> symptoms = columns.stream().map(SymptomNames::normalise).toList();
    List<PatientCase> cases = new ArrayList<>();
    List<Issue> issues = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (String symptom : symptoms) {
      if (prognosis >= 0 && !symptom.isEmpty() && !seen.add(symptom)) {
        issues.add(new Issue(Issue.Severity.WARNING, sourceName + ":1", "symptom column '" + symptom
            + "' appears more than once (after normalisation)", "values are merged: present if any copy is 1"));
      }
    }
    CaseFiles.forEachRow(reader, sourceName, (line, location) -> {
      List<String> cells = CsvLine.split(line);
      Optional<PatientCase> patient = prognosis >= 0
          ? wideRow(cells, symptoms, prognosis, location, issues) : longRow(cells, location, issues);
      patient.ifPresent(cases::add);
    });
    return new CaseBatch(cases, issues);
  }

  private static Optional<PatientCase> wideRow(List<String> cells, List<String> symptoms, int prognosis,
                                               String location, List<Issue> issues) {
    if (cells.size() < symptoms.size()) {
      issues.add(Issue.error(location, "expected " + symptoms.size() + " columns, found " + cells.size()));
      return Optional.empty();
    }
    Set<String> observed = new LinkedHashSet<>();
    for (int c = 0; c < symptoms.size(); c++) {
      if (c == prognosis || symptoms.get(c).isEmpty()) {
        continue;
      }
      String value = cells.get(c).trim();
      if (value.equals("1")) {
        observed.add(symptoms.get(c));
      } else if (!value.equals("0")) {
        issues.add(Issue.error(location, "symptom column '" + symptoms.get(c) + "' must be 0 or 1, was '" + value + "'"));
        return Optional.empty();
      }
    }
    return patient(cells.get(prognosis), observed, location, issues);
  }

  private static Optional<PatientCase> longRow(List<String> cells, String location, List<Issue> issues) {
    Set<String> observed = new LinkedHashSet<>();
    for (int c = 1; c < cells.size(); c++) {
      String name = SymptomNames.normalise(cells.get(c));
      if (!name.isEmpty()) {
        observed.add(name);
      }
    }
    return patient(cells.get(0), observed, location, issues);
  }

  private static Optional<PatientCase> patient(String disease, Set<String> observed, String location, List<Issue> issues) {
    String diagnosis = disease.trim();
    if (diagnosis.isEmpty()) {
      issues.add(Issue.error(location, "row has no disease (prognosis) value"));
      return Optional.empty();
    }
    if (observed.isEmpty()) {
      issues.add(Issue.warning(location, "row has no symptom"));
    }
    return Optional.of(new PatientCase(SOURCE + ":" + shortLocation(location), location,
        Optional.empty(), Sex.UNKNOWN, Optional.empty(), List.copyOf(observed), List.of(), List.of(diagnosis)));
  }

  /** File name and line, without the directory, so ids stay short and stable across machines. */
  static String shortLocation(String location) {
    int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\'));
    return location.substring(slash + 1);
  }
}
