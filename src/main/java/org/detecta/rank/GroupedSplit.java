package org.detecta.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Seeded splits that keep every publication (group key) on one side: fractions or K folds. */
public final class GroupedSplit {
  private GroupedSplit() {
  }

  /** Fold number (0..k-1) for each case; groups are shuffled with the seed then dealt round-robin. */
  public static int[] folds(List<ResolvedCase> cases, int k, long seed) {
    List<String> groups = new ArrayList<>(new TreeSet<>(cases.stream().map(ResolvedCase::group).toList()));
    java.util.Collections.shuffle(groups, new Random(seed));
    java.util.Map<String, Integer> fold = new java.util.HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      fold.put(groups.get(i), i % k);
    }
    return cases.stream().mapToInt(c -> fold.get(c.group())).toArray();
  }

  /** Part (0..fractions.length-1) of each case, by cumulative fraction of shuffled groups. */
  public static int[] parts(List<ResolvedCase> cases, double[] fractions, long seed) {
    List<String> groups = new ArrayList<>(new TreeSet<>(cases.stream().map(ResolvedCase::group).toList()));
    java.util.Collections.shuffle(groups, new Random(seed));
    java.util.Map<String, Integer> part = new java.util.HashMap<>();
    double total = 0;
    for (double f : fractions) {
      total += f;
    }
    for (int i = 0; i < groups.size(); i++) {
      double position = (i + 0.5) / groups.size() * total;
      int p = 0;
      double cumulative = fractions[0];
      while (position > cumulative && p < fractions.length - 1) {
        cumulative += fractions[++p];
      }
      part.put(groups.get(i), p);
    }
    return cases.stream().mapToInt(c -> part.get(c.group())).toArray();
  }

  public static List<ResolvedCase> select(List<ResolvedCase> cases, int[] labels, int label, boolean equal) {
    List<ResolvedCase> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if ((labels[i] == label) == equal) {
        out.add(cases.get(i));
      }
    }
    return out;
  }
}
