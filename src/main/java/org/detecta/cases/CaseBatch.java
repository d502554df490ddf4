package org.detecta.cases;

import java.util.ArrayList;
import java.util.List;

/** What a reader produced: the cases it could read and every problem it found on the way. */
public record CaseBatch(List<PatientCase> cases, List<Issue> issues) {
  public CaseBatch {
    cases = List.copyOf(cases);
    issues = List.copyOf(issues);
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(i -> i.severity() == Issue.Severity.ERROR);
  }

  public static CaseBatch concat(List<CaseBatch> batches) {
    List<PatientCase> cases = new ArrayList<>();
    List<Issue> issues = new ArrayList<>();
    for (CaseBatch batch : batches) {
      cases.addAll(batch.cases());
      issues.addAll(batch.issues());
    }
    return new CaseBatch(cases, issues);
  }
}
