package org.detecta.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.detecta.cases.Issue;
import org.detecta.cases.PatientCase;
import org.detecta.learn.FeatureSpace;

/**
 * Checks a source before any training: schema (reader issues, unknown findings), missing values, class
 * balance, exact duplicates and leakage between the splits (identical rows on two sides). Written as
 * {@code validation.json} and {@code validation.html}.
 */
public final class DataValidation {
  private DataValidation() {
  }

  public record Report(Map<String, Object> content, boolean blocking, String summary) {
    public void write(Path dir) throws IOException {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Files.write(dir.resolve("validation.json"), json.writeValueAsBytes(content));
      StringBuilder html = new StringBuilder(Html.head("Data validation: " + content.get("model")));
      html.append("<p><b>").append(Html.esc(summary)).append("</b></p>");
      for (Map.Entry<String, Object> section : content.entrySet()) {
        html.append("<h2>").append(Html.esc(section.getKey())).append("</h2>").append(Html.table(section.getValue()));
      }
      Files.writeString(dir.resolve("validation.html"), html.append("</body></html>").toString());
    }
  }

  public static Report check(String model, CommonSource.Prepared prepared, List<String> groups, List<String> labels,
                             List<List<PatientCase>> parts, FeatureSpace space) {
    List<PatientCase> cases = prepared.cases();
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("model", model);
    long errors = prepared.issues().stream().filter(i -> i.severity() == Issue.Severity.ERROR).count();
    Map<String, Integer> unknown = new TreeMap<>();
    int noFindings = 0;
    int noAge = 0;
    int noSex = 0;
    for (PatientCase c : cases) {
      space.encode(c.observed(), c.sex(), c.ageYears()).unrecognised().forEach(u -> unknown.merge(u, 1, Integer::sum));
      noFindings += c.observed().isEmpty() ? 1 : 0;
      noAge += c.ageYears().isEmpty() ? 1 : 0;
      noSex += c.sex() == org.detecta.cases.Sex.UNKNOWN ? 1 : 0;
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("rows", cases.size());
    schema.put("readerErrors", errors);
    schema.put("readerWarnings", prepared.issues().size() - errors);
    schema.put("firstIssues", prepared.issues().stream().limit(20).map(Issue::toString).toList());
    schema.put("features", space.size());
    schema.put("unknownFindings", unknown);
    content.put("schema", schema);
    content.put("missing", Map.of("noFindings", noFindings, "ageMissing", noAge, "sexUnknown", noSex,
        "note", space.demographics() ? "age/sex are features" : "this source records no age or sex"));
    Map<String, Integer> balance = new TreeMap<>();
    labels.forEach(l -> balance.merge(l, 1, Integer::sum));
    content.put("classBalance", Map.of("classes", balance.size(),
        "min", balance.values().stream().mapToInt(i -> i).min().orElse(0),
        "max", balance.values().stream().mapToInt(i -> i).max().orElse(0), "perClass", balance));
    Map<String, Integer> groupSizes = new HashMap<>();
    groups.forEach(g -> groupSizes.merge(g, 1, Integer::sum));
    Map<String, Set<String>> labelsPerRow = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      labelsPerRow.computeIfAbsent(groups.get(i), k -> new HashSet<>()).add(labels.get(i));
    }
    long conflicting = labelsPerRow.values().stream().filter(s -> s.size() > 1).count();
    content.put("duplicates", Map.of("rows", groups.size(), "distinctRows", groupSizes.size(),
        "duplicateRowsRemoved", groups.size() - groupSizes.size(),
        "largestGroup", groupSizes.values().stream().mapToInt(i -> i).max().orElse(0),
        "identicalRowsWithDifferentDiagnoses", conflicting,
        "policy", "exact duplicates are collapsed to one row before splitting; training and evaluation use distinct rows"));
    List<Set<String>> keys = new ArrayList<>();
    for (List<PatientCase> part : parts) {
      Set<String> k = new HashSet<>();
      part.forEach(c -> k.add(CommonTrainer.rowKey(space, c)));
      keys.add(k);
    }
    long leaks = 0;
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        for (String k : keys.get(a)) {
          leaks += keys.get(b).contains(k) ? 1 : 0;
        }
      }
    }
    Map<String, Object> leakage = new LinkedHashMap<>();
    leakage.put("split", Map.of("train", parts.get(0).size(), "validation", parts.get(1).size(), "test", parts.get(2).size()));
    leakage.put("identicalRowsAcrossSplits", leaks);
    leakage.put("policy", "group-aware split: identical rows never straddle train, validation and test; 70/20/10, stratified by diagnosis, seeded");
    leakage.putAll(prepared.checks());
    content.put("leakage", leakage);
    boolean blocking = cases.isEmpty() || balance.size() < 2 || leaks > 0;
    String summary = String.format(java.util.Locale.ROOT,
        "%d rows, %d distinct (%d duplicates removed), %d classes, %d reader errors, %d unknown findings, split %d/%d/%d, %d identical rows across splits",
        groups.size(), groupSizes.size(), groups.size() - groupSizes.size(), balance.size(), errors, unknown.size(),
        parts.get(0).size(), parts.get(1).size(), parts.get(2).size(), leaks);
    return new Report(content, blocking, summary);
  }
}
