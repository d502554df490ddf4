package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration error is |accuracy − confidence| per bin, weighted by the bin's share of the states. */
class CalibrationTest {
  @Test
  void eceAndStopFigures() {
    // two patients, two states each: right at 0.95 (twice), wrong at 0.35 and 0.95
    InterviewSimulator.Trace right = new InterviewSimulator.Trace(new int[] {1, 1}, new double[] {0.95, 0.95});
    InterviewSimulator.Trace wrong = new InterviewSimulator.Trace(new int[] {2, 3}, new double[] {0.35, 0.95});
    Calibration c = Calibration.of(List.of(right, wrong), 10, 10, 0.9, 30);
    assertEquals(4, c.states());
    // bin 0.9: accuracy 2/3 at confidence 0.95 (3 states); bin 0.3: accuracy 0 at 0.35 (1 state)
    assertEquals(Math.abs(2 - 3 * 0.95) / 4 + 0.35 / 4, c.ece(), 1e-12);
    // both stop at their first state with p >= 0.9: the first at 0 (0.95, right), the second at 1 (0.95, wrong)
    assertEquals(0.95, c.stopProbability(), 1e-12);
    assertEquals(0.5, c.stopTop1(), 1e-12);
  }
}
