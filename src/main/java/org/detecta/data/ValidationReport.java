package org.detecta.data;

import org.detecta.cases.Issue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code data validate} found: per source a map of counts and facts (kept in insertion order for a stable
 * report) and every issue with the source it belongs to. The data directory is usable when there is no ERROR.
 */
public final class ValidationReport {
  /** An issue and the source ({@code hpo}, {@code phenopackets}, ...) it was found in. */
  public record SourcedIssue(String source, Issue issue) {
  }

  private final String dataDir;
  private final Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
  private final List<SourcedIssue> issues = new ArrayList<>();

  public ValidationReport(String dataDir) {
    this.dataDir = dataDir;
  }

  public String dataDir() {
    return dataDir;
  }

  /** The facts of a source, created on first use. */
  public Map<String, Object> source(String name) {
    return sources.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  public Map<String, Map<String, Object>> sources() {
    return sources;
  }

  public void add(String source, Issue issue) {
    issues.add(new SourcedIssue(source, issue));
  }

  public void addAll(String source, List<Issue> list) {
    list.forEach(i -> add(source, i));
  }

  public List<SourcedIssue> issues() {
    return issues;
  }

  public long count(Issue.Severity severity) {
    return issues.stream().filter(i -> i.issue().severity() == severity).count();
  }

  public long count(String source, Issue.Severity severity) {
    return issues.stream().filter(i -> i.source().equals(source) && i.issue().severity() == severity).count();
  }

  public boolean ok() {
    return count(Issue.Severity.ERROR) == 0;
  }
}
