package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one-pass HPO question score equals the general definitions on the same answer tables. */
class HpoQuestionScoreTest {
  @Test
  void gainAndConfidenceEqualTheDefinitions() {
    Random random = new Random(11);
    for (HpoAnswerRates rates : new HpoAnswerRates[] {HpoAnswerRates.fixed(), binned()}) {
      for (int trial = 0; trial < 200; trial++) {
        int diseases = 2 + random.nextInt(150);
        double[] posterior = new double[diseases];
        for (int d = 0; d < diseases; d++) {
          posterior[d] = random.nextInt(5) == 0 ? 0 : Math.pow(random.nextDouble(), 4);
        }
        posterior[random.nextInt(diseases)] += 0.05;
        int[] candidates = InformationGain.candidates(posterior, 0, 1 + random.nextInt(diseases));
        double[] flat = new double[diseases];
        for (int c : candidates) {
          flat[c] = Math.sqrt(posterior[c]);
        }
        double background = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.2;
        float[] probs = new float[candidates.length];
        double[][] table = new double[3][diseases];
        for (int c = 0; c < candidates.length; c++) {
          probs[c] = random.nextInt(3) == 0 ? 0f : random.nextFloat();
          double p = Math.max(probs[c], background);
          table[0][candidates[c]] = rates.yes(p);
          table[1][candidates[c]] = rates.no(p);
          table[2][candidates[c]] = 1 - rates.yes(p) - rates.no(p);
        }
        HpoQuestionScore.Score score = new HpoQuestionScore(rates, InformationGain.Start.of(flat, candidates), posterior)
            .of(probs, background);
        assertEquals(InformationGain.gain(flat, candidates, table), score.gain(), 1e-12);
        assertEquals(InformationGain.confidenceGain(posterior, candidates, table), score.confidence(), 1e-12);
      }
    }
  }

  /** The bounded selection returns what a full sort by probability (ties by index) and the floor would. */
  @Test
  void candidatesAreTheBestByProbabilityThenIndex() {
    Random random = new Random(3);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(60);
      double[] p = new double[n];
      for (int d = 0; d < n; d++) {
        p[d] = random.nextInt(4) / 4.0 * random.nextInt(2);
      }
      int max = random.nextInt(n + 2);
      double floor = random.nextInt(3) / 4.0;
      int[] sorted = IntStream.range(0, n).boxed()
          .sorted(Comparator.comparingDouble((Integer d) -> -p[d]).thenComparing(d -> d)).mapToInt(Integer::intValue).toArray();
      int kept = 0;
      while (kept < sorted.length && kept < max && (kept == 0 || p[sorted[kept]] >= floor)) {
        kept++;
      }
      assertArrayEquals(java.util.Arrays.copyOf(sorted, kept), InformationGain.candidates(p, floor, max),
          java.util.Arrays.toString(p) + " max " + max + " floor " + floor);
    }
  }

  private static HpoAnswerRates binned() {
    double[][] counts = new double[HpoAnswerRates.BANDS.length][3];
    for (int b = 0; b < counts.length; b++) {
      counts[b] = new double[] {b * 3, 2, 40 - b};
    }
    return HpoAnswerRates.binned(counts, 5);
  }
}
