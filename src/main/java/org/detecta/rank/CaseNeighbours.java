package org.detecta.rank;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.detecta.diagnosis.SimilarCase;

/**
 * Learning from cases, nearest-neighbour style: a query is compared with every training case by the
 * information-content-weighted overlap of their ancestor-propagated term sets (cosine: shared IC over the
 * geometric mean of both sets' IC), through an inverted index term → cases. A disease scores the mean of
 * its best {@code topK} case similarities, taking at most one case per publication among them, so one
 * paper's cohort cannot fill a disease's neighbours. Diseases without training cases score 0.
 */
public final class CaseNeighbours implements PhenotypeScorer {
  private final int[][] ancestors;
  private final double[] ic;
  private final double minIc;
  private final int topK;
  private final int[][] postings;
  private final int[][] caseDiseases;
  private final int[] caseGroup;
  private final double[] caseNorm;
  private final int[] diseases;
  private final int[][][] casesByGroup;
  private final int maxGroups;
  /** Per case: its informative closure (sorted), id and publication, to name the nearest cases of a disease. */
  private final int[][] closures;
  private final String[] caseIds;
  private final String[] casePublications;

  /**
   * @param cases    training cases (observed terms used); diagnoses mapped by {@code diseaseIndex} (unknown skipped)
   * @param topK     number of best cases (from distinct publications) averaged per disease
   */
  public CaseNeighbours(List<ResolvedCase> cases, Map<String, Integer> diseaseIndex, int[][] ancestors, double[] ic,
                        double minIc, int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be >= 1, was " + topK);
    }
    this.ancestors = ancestors;
    this.ic = ic;
    this.minIc = minIc;
    this.topK = topK;
    int n = cases.size();
    caseDiseases = new int[n][];
    caseGroup = new int[n];
    caseNorm = new double[n];
    Map<String, Integer> groups = new HashMap<>();
    int[] counts = new int[ancestors.length];
    closures = new int[n][];
    caseIds = new String[n];
    casePublications = new String[n];
    for (int c = 0; c < n; c++) {
      ResolvedCase rc = cases.get(c);
      caseIds[c] = rc.id();
      casePublications[c] = rc.group();
      caseDiseases[c] = rc.diagnoses().stream().map(diseaseIndex::get).filter(java.util.Objects::nonNull)
          .mapToInt(Integer::intValue).distinct().toArray();
      caseGroup[c] = groups.computeIfAbsent(rc.group(), g -> groups.size());
      closures[c] = informativeClosure(rc.observed());
      for (int t : closures[c]) {
        counts[t]++;
        caseNorm[c] += ic[t];
      }
    }
    postings = new int[ancestors.length][];
    for (int t = 0; t < postings.length; t++) {
      postings[t] = new int[counts[t]];
      counts[t] = 0;
    }
    for (int c = 0; c < n; c++) {
      for (int t : closures[c]) {
        postings[t][counts[t]++] = c;
      }
    }
    java.util.TreeMap<Integer, java.util.TreeMap<Integer, List<Integer>>> byDisease = new java.util.TreeMap<>();
    for (int c = 0; c < n; c++) {
      for (int d : caseDiseases[c]) {
        byDisease.computeIfAbsent(d, k -> new java.util.TreeMap<>())
            .computeIfAbsent(caseGroup[c], k -> new java.util.ArrayList<>()).add(c);
      }
    }
    diseases = byDisease.keySet().stream().mapToInt(Integer::intValue).toArray();
    casesByGroup = new int[diseases.length][][];
    int widest = 0;
    for (int i = 0; i < diseases.length; i++) {
      casesByGroup[i] = byDisease.get(diseases[i]).values().stream()
          .map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
      widest = Math.max(widest, casesByGroup[i].length);
    }
    maxGroups = widest;
  }

  @Override
  public String name() {
    return "knn";
  }

  /** Distinct ancestors (self included) of the terms whose IC is at least {@code minIc}, sorted. */
  int[] informativeClosure(int[] terms) {
    int size = 0;
    for (int t : terms) {
      size += ancestors[t].length;
    }
    int[] all = new int[size];
    int k = 0;
    for (int t : terms) {
      for (int a : ancestors[t]) {
        if (ic[a] >= minIc) {
          all[k++] = a;
        }
      }
    }
    return Arrays.stream(all, 0, k).sorted().distinct().toArray();
  }

  /** Cosine similarity of the query with every training case ({@code [case]}). */
  public float[] caseSimilarities(int[] observed) {
    float[] shared = new float[caseNorm.length];
    int[] closure = informativeClosure(observed);
    double queryNorm = 0;
    for (int t : closure) {
      float w = (float) ic[t];
      queryNorm += w;
      for (int c : postings[t]) {
        shared[c] += w;
      }
    }
    for (int c = 0; c < shared.length; c++) {
      if (shared[c] > 0) {
        shared[c] = (float) (shared[c] / Math.sqrt(queryNorm * caseNorm[c]));
      }
    }
    return shared;
  }

  /**
   * The training cases behind a disease's score: the most similar case of each of its publications, best first
   * (ties by case id), at most {@code limit}, similarity > 0 only. With {@code topK} = 1 the first one's similarity
   * is the disease's score. Computed from the disease's own cases only (a merge of sorted closures per case).
   */
  public List<SimilarCase> nearest(int[] observed, int disease, int limit) {
    int i = Arrays.binarySearch(diseases, disease);
    if (i < 0 || observed.length == 0) {
      return List.of();
    }
    int[] query = informativeClosure(observed);
    double queryNorm = 0;
    for (int t : query) {
      queryNorm += (float) ic[t];
    }
    List<SimilarCase> best = new java.util.ArrayList<>();
    for (int[] group : casesByGroup[i]) {
      int bestCase = -1;
      double bestSimilarity = 0;
      for (int c : group) {
        double similarity = (float) (sharedIc(query, closures[c]) / Math.sqrt(queryNorm * caseNorm[c]));
        if (similarity > bestSimilarity || (similarity == bestSimilarity && bestCase >= 0
            && caseIds[c].compareTo(caseIds[bestCase]) < 0)) {
          bestSimilarity = similarity;
          bestCase = c;
        }
      }
      if (bestCase >= 0 && bestSimilarity > 0) {
        best.add(new SimilarCase(caseIds[bestCase], casePublications[bestCase], bestSimilarity));
      }
    }
    best.sort(java.util.Comparator.comparingDouble((SimilarCase c) -> -c.similarity())
        .thenComparing(SimilarCase::caseId));
    return List.copyOf(best.subList(0, Math.min(limit, best.size())));
  }

  /** Σ IC over the terms two sorted closures share. */
  private double sharedIc(int[] a, int[] b) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        sum += (float) ic[a[i]];
        i++;
        j++;
      }
    }
    return sum;
  }

  @Override
  public void score(int[] observed, int[] excluded, float[] out) {
    Arrays.fill(out, 0f);
    if (observed.length == 0 || caseNorm.length == 0) {
      return;
    }
    float[] sims = caseSimilarities(observed);
    float[] perGroup = new float[maxGroups];
    for (int i = 0; i < diseases.length; i++) {
      int[][] groupsOfDisease = casesByGroup[i];
      for (int g = 0; g < groupsOfDisease.length; g++) {
        float m = 0;
        for (int c : groupsOfDisease[g]) {
          m = Math.max(m, sims[c]);
        }
        perGroup[g] = m;
      }
      out[diseases[i]] = meanOfBest(perGroup, groupsOfDisease.length);
    }
  }

  private float meanOfBest(float[] values, int n) {
    if (topK == 1) {
      float m = 0;
      for (int i = 0; i < n; i++) {
        m = Math.max(m, values[i]);
      }
      return m;
    }
    Arrays.sort(values, 0, n);
    double sum = 0;
    for (int j = 0; j < topK && j < n; j++) {
      sum += values[n - 1 - j];
    }
    return (float) (sum / topK);
  }
}
