package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.detecta.cases.PatientCase;
import org.detecta.cases.Sex;
import org.junit.jupiter.api.Test;

/** Folds are stratified: every class is dealt evenly across the folds. */
class InterviewCrossValidationTest {
  @Test
  void foldsAreStratifiedAndCoverEveryCase() {
    List<PatientCase> cases = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      cases.add(new PatientCase("a" + i, "t", Optional.empty(), Sex.UNKNOWN, Optional.empty(), List.of(), List.of(), List.of("A")));
    }
    for (int i = 0; i < 10; i++) {
      cases.add(new PatientCase("b" + i, "t", Optional.empty(), Sex.UNKNOWN, Optional.empty(), List.of(), List.of(), List.of("B")));
    }
    int[] fold = InterviewCrossValidation.stratifiedFolds(cases, 5, 1);
    for (int f = 0; f < 5; f++) {
      int a = 0;
      int b = 0;
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] == f) {
          a += i < 50 ? 1 : 0;
          b += i >= 50 ? 1 : 0;
        }
      }
      assertEquals(10, a, "fold " + f);
      assertEquals(2, b, "fold " + f);
    }
    assertTrue(java.util.Arrays.stream(fold).allMatch(f -> f >= 0 && f < 5));
  }
}
