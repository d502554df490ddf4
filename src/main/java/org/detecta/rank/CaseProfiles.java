package org.detecta.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.detecta.kb.TermIndex;

/**
 * What training cases teach about each disease: the total case weight and, per term, the weight of cases
 * showing it (propagated: a case with a term also has its ancestors). A publication contributes at most
 * {@code publicationCap} total weight to a disease, so one paper with 100 patients cannot dominate.
 */
public record CaseProfiles(Map<String, Learned> diseases) {
  public CaseProfiles {
    diseases = Map.copyOf(diseases);
  }

  /** One disease learned from cases: total weight, per-term weights, directly observed terms. */
  public record Learned(double weight, Map<Integer, Float> terms, int[] direct) {
    public Learned {
      terms = Map.copyOf(terms);
    }
  }

  public static CaseProfiles learn(List<ResolvedCase> cases, TermIndex terms, double publicationCap) {
    Map<String, Map<String, Integer>> perPublication = new HashMap<>();
    for (ResolvedCase c : cases) {
      for (String d : c.diagnoses()) {
        perPublication.computeIfAbsent(d, k -> new HashMap<>()).merge(c.group(), 1, Integer::sum);
      }
    }
    Map<String, Double> weights = new TreeMap<>();
    Map<String, Map<Integer, Float>> termWeights = new HashMap<>();
    Map<String, TreeSet<Integer>> direct = new HashMap<>();
    for (ResolvedCase c : cases) {
      if (c.observed().length == 0) {
        continue;
      }
      TreeSet<Integer> closure = new TreeSet<>();
      for (int t : c.observed()) {
        for (int a : terms.ancestors(t)) {
          closure.add(a);
        }
      }
      for (String d : c.diagnoses()) {
        int n = perPublication.get(d).get(c.group());
        float w = (float) Math.min(1.0, publicationCap / n);
        weights.merge(d, (double) w, Double::sum);
        Map<Integer, Float> map = termWeights.computeIfAbsent(d, k -> new HashMap<>());
        for (int a : closure) {
          map.merge(a, w, Float::sum);
        }
        TreeSet<Integer> own = direct.computeIfAbsent(d, k -> new TreeSet<>());
        for (int t : c.observed()) {
          own.add(t);
        }
      }
    }
    Map<String, Learned> learned = new HashMap<>();
    for (var e : weights.entrySet()) {
      learned.put(e.getKey(), new Learned(e.getValue(), termWeights.get(e.getKey()),
          direct.get(e.getKey()).stream().mapToInt(Integer::intValue).toArray()));
    }
    return new CaseProfiles(learned);
  }

  public List<String> diseaseIds() {
    return new ArrayList<>(new TreeSet<>(diseases.keySet()));
  }
}
