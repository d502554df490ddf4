package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupedSplitTest {
  private static List<ResolvedCase> cases() {
    List<ResolvedCase> cases = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      cases.add(new ResolvedCase("c" + i, "PMID:" + (i % 37), new int[0], new int[0], List.of("OMIM:1"), List.of()));
    }
    return cases;
  }

  @Test
  void aPublicationNeverSpansTwoFoldsAndTheSeedRepeats() {
    List<ResolvedCase> cases = cases();
    int[] folds = GroupedSplit.folds(cases, 5, 3);
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      Integer previous = foldOf.putIfAbsent(cases.get(i).group(), folds[i]);
      assertTrue(previous == null || previous == folds[i], "group split across folds");
    }
    assertEquals(5, foldOf.values().stream().distinct().count());
    assertArrayEquals(folds, GroupedSplit.folds(cases, 5, 3));
  }

  @Test
  void partsFollowTheFractionsByGroup() {
    int[] parts = GroupedSplit.parts(cases(), new double[] {0.7, 0.2, 0.1}, 1);
    long train = java.util.Arrays.stream(parts).filter(p -> p == 0).count();
    assertTrue(train > 100 && train < 180, "train cases " + train);
  }
}
