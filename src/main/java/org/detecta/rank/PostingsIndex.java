package org.detecta.rank;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Inverted index term → (diseases, P(term | disease)) over the ancestor-propagated profiles, as flat
 * arrays sorted by disease, plus each term's background probability (mean over all diseases). Built once;
 * scorers only read it.
 */
public final class PostingsIndex {
  private static final int[] NO_DISEASES = new int[0];
  private static final float[] NO_PROBS = new float[0];

  private final int diseaseCount;
  private final int[][] diseases;
  private final float[][] probs;
  private final double[] background;

  /** {@code profiles.get(d)} maps term index → P(term|d), already propagated to ancestors. */
  public PostingsIndex(int termCount, List<Map<Integer, Float>> profiles, double backgroundFloor) {
    this.diseaseCount = profiles.size();
    int[] counts = new int[termCount];
    for (Map<Integer, Float> profile : profiles) {
      for (int t : profile.keySet()) {
        counts[t]++;
      }
    }
    diseases = new int[termCount][];
    probs = new float[termCount][];
    for (int t = 0; t < termCount; t++) {
      diseases[t] = counts[t] == 0 ? NO_DISEASES : new int[counts[t]];
      probs[t] = counts[t] == 0 ? NO_PROBS : new float[counts[t]];
      counts[t] = 0;
    }
    double[] sums = new double[termCount];
    for (int d = 0; d < profiles.size(); d++) {
      for (Map.Entry<Integer, Float> e : profiles.get(d).entrySet()) {
        int t = e.getKey();
        diseases[t][counts[t]] = d;
        probs[t][counts[t]++] = e.getValue();
        sums[t] += e.getValue();
      }
    }
    background = new double[termCount];
    for (int t = 0; t < termCount; t++) {
      background[t] = Math.max(backgroundFloor, sums[t] / Math.max(1, diseaseCount));
    }
  }

  public int diseaseCount() {
    return diseaseCount;
  }

  public int termCount() {
    return diseases.length;
  }

  /** Diseases having the term (ascending); must not be modified. */
  public int[] diseases(int term) {
    return diseases[term];
  }

  public float[] probs(int term) {
    return probs[term];
  }

  public double background(int term) {
    return background[term];
  }

  /** P(term | disease) or 0 when the disease profile does not contain the term. */
  public float prob(int term, int disease) {
    int i = Arrays.binarySearch(diseases[term], disease);
    return i < 0 ? 0f : probs[term][i];
  }
}
