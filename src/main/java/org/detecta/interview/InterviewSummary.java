package org.detecta.interview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of simulated interviews: top-k after each budget, and the stopping rule's cost and accuracy. */
public record InterviewSummary(int cases, List<Budget> interview, Stop stop) {
  public record Budget(int questions, double top1, double top3, double top10) {
  }

  public record Stop(double threshold, double meanQuestions, double medianQuestions, double top1, double top3) {
  }

  public static InterviewSummary of(List<InterviewSimulator.Trace> traces, List<Integer> budgets, double threshold, int stopBudget) {
    int n = traces.size();
    List<Budget> out = new ArrayList<>();
    for (int b : budgets) {
      int[] ranks = traces.stream().mapToInt(t -> t.rankAfter(b)).toArray();
      out.add(new Budget(b, within(ranks, 1, n), within(ranks, 3, n), within(ranks, 10, n)));
    }
    int[] asked = traces.stream().mapToInt(t -> t.stopAt(threshold, stopBudget)).toArray();
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = traces.get(i).rankAfter(asked[i]);
    }
    double mean = n == 0 ? 0 : Arrays.stream(asked).average().orElse(0);
    return new InterviewSummary(n, out, new Stop(threshold, mean, median(asked), within(ranks, 1, n), within(ranks, 3, n)));
  }

  private static double within(int[] ranks, int k, int n) {
    return n == 0 ? 0 : Arrays.stream(ranks).filter(r -> r >= 1 && r <= k).count() / (double) n;
  }

  static double median(int[] values) {
    if (values.length == 0) {
      return 0;
    }
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
  }

  /** The contract's JSON fields after {@code model}, {@code version}: cases, policy, interview, stop. */
  public Map<String, Object> asMap(String policy) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cases", cases);
    m.put("policy", policy);
    List<Map<String, Object>> budgets = new ArrayList<>();
    for (Budget b : interview) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("questions", b.questions());
      row.put("top1", b.top1());
      row.put("top3", b.top3());
      row.put("top10", b.top10());
      budgets.add(row);
    }
    m.put("interview", budgets);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("threshold", stop.threshold());
    s.put("meanQuestions", stop.meanQuestions());
    s.put("medianQuestions", stop.medianQuestions());
    s.put("top1", stop.top1());
    s.put("top3", stop.top3());
    m.put("stop", s);
    return m;
  }
}
