package org.detecta.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, stratified, group-aware 70/20/10 split: all members of a group (identical rows, or one
 * publication) go to the same side, and each class's groups are shared out in the given proportions.
 */
public final class GroupSplit {
  public static final int TRAIN = 0;
  public static final int VALIDATION = 1;
  public static final int TEST = 2;
  public static final List<String> NAMES = List.of("train", "validation", "test");

  private GroupSplit() {
  }

  /**
   * @param groups group key per item
   * @param strata class per item (a group takes the class of its first item)
   * @return split index per item
   */
  public static int[] split(List<String> groups, List<String> strata, double validation, double test, long seed) {
    Map<String, List<String>> groupsByStratum = new LinkedHashMap<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      if (seen.putIfAbsent(groups.get(i), true) == null) {
        groupsByStratum.computeIfAbsent(strata.get(i), k -> new ArrayList<>()).add(groups.get(i));
      }
    }
    Random random = new Random(seed);
    Map<String, Integer> side = new LinkedHashMap<>();
    for (List<String> members : groupsByStratum.values()) {
      Collections.shuffle(members, random);
      int n = members.size();
      int nTest = n >= 3 ? Math.max(1, (int) Math.round(n * test)) : 0;
      int nValidation = n >= 2 ? Math.max(1, (int) Math.round(n * validation)) : 0;
      for (int i = 0; i < n; i++) {
        side.put(members.get(i), i < nTest ? TEST : i < nTest + nValidation ? VALIDATION : TRAIN);
      }
    }
    int[] result = new int[groups.size()];
    for (int i = 0; i < groups.size(); i++) {
      result[i] = side.get(groups.get(i));
    }
    return result;
  }
}
