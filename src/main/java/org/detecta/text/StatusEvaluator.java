package org.detecta.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores recognition and status on notes with expected statuses. Document level: the set of ids per note
 * (any status), micro-averaged. Status accuracy: over expected findings whose id was found, the share
 * where the extractor gave the id that status; reported overall and for absent and family findings.
 */
public final class StatusEvaluator {
  /** Correct and total counts for one status class. */
  public record Accuracy(int correct, int total) {
    public double value() {
      return total == 0 ? 0 : (double) correct / total;
    }
  }

  /** The figures on a notes set. */
  public record Scores(int notes, Prf document, Accuracy status, Map<FindingStatus, Accuracy> byStatus) {
  }

  public Scores evaluate(List<StatusNote> notes, Function<String, List<Finding>> extractor) {
    int truePositive = 0;
    int predicted = 0;
    int gold = 0;
    int correct = 0;
    int total = 0;
    Map<FindingStatus, int[]> counts = new HashMap<>();
    for (StatusNote note : notes) {
      Map<String, Set<FindingStatus>> found = new HashMap<>();
      for (Finding f : extractor.apply(note.text())) {
        found.computeIfAbsent(f.hpoId(), k -> new HashSet<>()).add(f.status());
      }
      Set<String> expectedIds = new HashSet<>();
      note.expected().forEach(e -> expectedIds.add(e.hpoId()));
      predicted += found.size();
      gold += expectedIds.size();
      for (String id : expectedIds) {
        truePositive += found.containsKey(id) ? 1 : 0;
      }
      for (StatusNote.Expected e : note.expected()) {
        Set<FindingStatus> statuses = found.get(e.hpoId());
        if (statuses == null) {
          continue;
        }
        int ok = statuses.contains(e.status()) ? 1 : 0;
        correct += ok;
        total++;
        int[] c = counts.computeIfAbsent(e.status(), s -> new int[2]);
        c[0] += ok;
        c[1]++;
      }
    }
    Map<FindingStatus, Accuracy> byStatus = new HashMap<>();
    counts.forEach((s, c) -> byStatus.put(s, new Accuracy(c[0], c[1])));
    return new Scores(notes.size(), Prf.of(truePositive, predicted, truePositive, gold), new Accuracy(correct, total),
        Map.copyOf(byStatus));
  }
}
