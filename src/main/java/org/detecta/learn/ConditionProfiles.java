package org.detecta.learn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Knowledge of which evidences each class can show at all (DDXPlus: a pathology's symptoms and antecedents in
 * {@code release_conditions.json}; every patient of the release shows only evidences of its own pathology). A
 * class whose profile lacks an evidence the patient shows keeps {@link #INCOMPATIBLE} of its probability, then
 * the row is renormalised: compatible classes come first and the learned order is kept inside each group. A
 * class without a profile, and a row no class is compatible with, are left as the classifier scored them.
 */
public record ConditionProfiles(Map<String, Set<String>> evidences) {
  public static final ConditionProfiles NONE = new ConditionProfiles(Map.of());
  /** Factor for an incompatible class; 5-fold CV gave the same top-1 for 1e-6 … 1e-2 (docs/common-models.md). */
  public static final double INCOMPATIBLE = 1e-3;

  public ConditionProfiles {
    Map<String, Set<String>> copy = new TreeMap<>();
    evidences.forEach((name, shown) -> copy.put(name, Set.copyOf(new TreeSet<>(shown))));
    evidences = java.util.Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return evidences.isEmpty();
  }

  /** True when the class has no profile or its profile holds every shown evidence id. */
  public boolean compatible(String condition, Set<String> shown) {
    Set<String> profile = evidences.get(condition);
    return profile == null || profile.containsAll(shown);
  }

  /** The probabilities with incompatible classes scaled down by {@link #INCOMPATIBLE} and renormalised. */
  public double[] restrict(Set<String> shown, List<String> classes, double[] p) {
    if (isEmpty() || shown.isEmpty()) {
      return p;
    }
    double[] out = new double[p.length];
    double sum = 0;
    for (int c = 0; c < p.length; c++) {
      out[c] = compatible(classes.get(c), shown) ? p[c] : p[c] * INCOMPATIBLE;
      sum += out[c];
    }
    if (sum <= 0) {
      return p;
    }
    for (int c = 0; c < out.length; c++) {
      out[c] /= sum;
    }
    return out;
  }
}
