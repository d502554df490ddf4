package org.detecta.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupSplitTest {
  @Test
  void groupsStayTogetherClassesAreStratifiedAndSeedsRepeat() {
    List<String> groups = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      for (int g = 0; g < 20; g++) {
        for (int copy = 0; copy < 1 + g % 3; copy++) {
          groups.add("c" + c + "g" + g);
          classes.add("class" + c);
        }
      }
    }
    int[] side = GroupSplit.split(groups, classes, 0.2, 0.1, 7);
    Map<String, Integer> sideOfGroup = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      Integer before = sideOfGroup.putIfAbsent(groups.get(i), side[i]);
      assertTrue(before == null || before == side[i], "group " + groups.get(i) + " straddles splits");
    }
    for (int c = 0; c < 3; c++) {
      int[] count = new int[3];
      for (Map.Entry<String, Integer> e : sideOfGroup.entrySet()) {
        if (e.getKey().startsWith("c" + c)) {
          count[e.getValue()]++;
        }
      }
      assertArrayEquals(new int[] {14, 4, 2}, count, "class " + c);
    }
    assertArrayEquals(side, GroupSplit.split(groups, classes, 0.2, 0.1, 7));
    int[] other = GroupSplit.split(groups, classes, 0.2, 0.1, 8);
    assertTrue(!java.util.Arrays.equals(side, other), "another seed should give another split");
    assertEquals(groups.size(), side.length);
  }
}
