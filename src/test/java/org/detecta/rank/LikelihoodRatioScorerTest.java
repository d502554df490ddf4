package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.MatchKind;
import org.junit.jupiter.api.Test;

/**
 * The likelihood-ratio noise model on a hand-made ontology: 0 root, 1 organ (child of 0), 2 and 3 (children of
 * 1), 4 (child of 2), 5 an unrelated term of another branch (shares no ancestor). Disease profiles are propagated by hand.
 */
class LikelihoodRatioScorerTest {
  private static final int[][] ANCESTORS = {{0}, {0, 1}, {0, 1, 2}, {0, 1, 3}, {0, 1, 2, 4}, {5}};
  private static final double EPS = 0.05;

  /** Propagated profile: each direct term with its frequency, ancestors with the max below them. */
  private static Map<Integer, Float> profile(Map<Integer, Float> direct) {
    Map<Integer, Float> out = new HashMap<>();
    direct.forEach((t, f) -> {
      for (int a : ANCESTORS[t]) {
        out.merge(a, f, Math::max);
      }
    });
    return out;
  }

  private static LikelihoodRatioScorer scorer(List<Map<Integer, Float>> direct, RankParameters p) {
    return scorer(direct, Map.of(), p);
  }

  /** @param notTerms disease → the terms it is annotated NOT to show */
  private static LikelihoodRatioScorer scorer(List<Map<Integer, Float>> direct, Map<Integer, List<Integer>> notTerms,
                                              RankParameters p) {
    List<Map<Integer, Float>> profiles = new ArrayList<>();
    int[][] own = new int[direct.size()][];
    List<Map<Integer, Float>> nots = new ArrayList<>();
    for (int d = 0; d < direct.size(); d++) {
      profiles.add(profile(direct.get(d)));
      own[d] = direct.get(d).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      Map<Integer, Float> not = new HashMap<>();
      notTerms.getOrDefault(d, List.of()).forEach(t -> not.put(t, 1f));
      nots.add(not);
    }
    PostingsIndex index = new PostingsIndex(ANCESTORS.length, profiles, 1e-3);
    PostingsIndex notIndex = new PostingsIndex(ANCESTORS.length, nots, 1e-3);
    return new LikelihoodRatioScorer("lr", ANCESTORS, new ObservedLikelihoods(index, ANCESTORS, p), notIndex, own,
        p.maxPresent(), true, true);
  }

  private static RankParameters plain() {
    return RankParameters.defaults().withNoise(EPS).withSizeExponent(0).withFrequencyExponent(1);
  }

  private static float[] score(LikelihoodRatioScorer s, int diseases, int[] observed, int[] excluded) {
    float[] out = new float[diseases];
    s.score(observed, excluded, out);
    return out;
  }

  /** Nine filler diseases with term 3 only keep the background of terms 2 and 4 low. */
  private static List<Map<Integer, Float>> withFiller(List<Map<Integer, Float>> diseases) {
    List<Map<Integer, Float>> out = new ArrayList<>(diseases);
    for (int i = 0; i < 9; i++) {
      out.add(Map.of(3, 0.5f));
    }
    return out;
  }

  @Test
  void exactBeatsMoreSpecificBeatsUnmatchedAndUnmatchedCostsLogNoise() {
    // 0: exact term 4; 1: the parent 2 of the query; 2: only the unrelated rare term 5
    List<Map<Integer, Float>> d = withFiller(List.of(Map.of(4, 0.5f), Map.of(2, 0.5f), Map.of(5, 0.5f)));
    LikelihoodRatioScorer s = scorer(d, plain());
    float[] out = score(s, d.size(), new int[] {4}, new int[0]);
    assertTrue(out[0] > out[1], "exact > query more specific");
    assertTrue(out[1] > out[2], "query more specific > a disease sharing nothing with the query");
    assertEquals(Math.log(EPS), out[2], 1e-5, "nothing explained: noise alone");
  }

  @Test
  void anUnexplainedTermCostsEveryDiseaseTheSameWhateverItsProfileSize() {
    // small profile (one term) vs large profile (three terms), neither explains the rare query term 5
    List<Map<Integer, Float>> d = withFiller(List.of(Map.of(4, 0.5f), Map.of(4, 0.5f, 3, 0.9f, 2, 0.9f)));
    d.set(2, Map.of(5, 0.5f)); // someone has term 5, so its background is not the floor
    LikelihoodRatioScorer s = scorer(d, plain());
    float[] with = score(s, d.size(), new int[] {4, 5}, new int[0]);
    float[] without = score(s, d.size(), new int[] {4}, new int[0]);
    assertEquals(with[0] - without[0], with[1] - without[1], 1e-5);
    assertEquals(Math.log(EPS), with[0] - without[0], 1e-5);
  }

  @Test
  void sizeExponentPenalisesDiseasesWithLargeProfiles() {
    List<Map<Integer, Float>> d = withFiller(List.of(Map.of(4, 0.5f), Map.of(4, 0.5f, 3, 0.9f, 5, 0.9f)));
    float[] none = score(scorer(d, plain()), d.size(), new int[] {4}, new int[0]);
    assertEquals(none[0], none[1], 1e-6, "α = 0: same frequency, same score");
    float[] corrected = score(scorer(d, plain().withSizeExponent(1)), d.size(), new int[] {4}, new int[0]);
    assertTrue(corrected[0] > corrected[1], "α = 1: the larger profile explains the term less specifically");
  }

  @Test
  void frequencyExponentZeroIgnoresFrequencies() {
    List<Map<Integer, Float>> d = withFiller(List.of(Map.of(4, 0.9f), Map.of(4, 0.05f)));
    float[] one = score(scorer(d, plain()), d.size(), new int[] {4}, new int[0]);
    assertTrue(one[0] > one[1]);
    float[] zero = score(scorer(d, plain().withFrequencyExponent(0)), d.size(), new int[] {4}, new int[0]);
    assertEquals(zero[0], zero[1], 1e-6);
  }

  @Test
  void anObservedTermTheDiseaseIsAnnotatedNotToShowCostsLogPenaltyAndSaysSo() {
    // diseases 0 and 1 alike; 1 is annotated NOT to show term 2 and its child 4 (query 4: counted once)
    List<Map<Integer, Float>> d = withFiller(List.of(Map.of(3, 0.5f), Map.of(3, 0.5f)));
    Map<Integer, List<Integer>> nots = Map.of(1, List.of(2, 4));
    RankParameters p = plain().withNotPenalty(0.01);
    LikelihoodRatioScorer s = scorer(d, nots, p);
    int[] observed = {4, 3};
    float[] out = score(s, d.size(), observed, new int[0]);
    assertEquals(Math.log(0.01), out[1] - out[0], 1e-5, "term 4 contradicts NOT 4 and NOT 2: once");
    List<Evidence> evidence = s.explain(observed, new int[0], 1, t -> "T" + t);
    assertEquals(out[1], evidence.stream().mapToDouble(Evidence::contribution).sum(), 1e-4);
    assertTrue(evidence.stream().anyMatch(e -> e.match() == MatchKind.OBSERVED_BUT_EXCLUDED && e.finding().equals("T4")
        && e.feature().equals("T4") && Math.abs(e.contribution() - Math.log(0.01)) < 1e-9), evidence.toString());
    assertTrue(s.explain(observed, new int[0], 0, t -> "T" + t).stream()
        .noneMatch(e -> e.match() == MatchKind.OBSERVED_BUT_EXCLUDED));
    float[] off = score(scorer(d, nots, plain().withNotPenalty(1)), d.size(), observed, new int[0]);
    assertEquals(off[0], off[1], 1e-6, "π = 1: NOT annotations do not count for observed terms");
    float[] specific = score(s, d.size(), new int[] {2}, new int[0]);
    assertEquals(Math.log(0.01), specific[1] - specific[0], 1e-5, "NOT 2 contradicts the observed term 2 itself");
    float[] general = score(s, d.size(), new int[] {1}, new int[0]);
    assertEquals(general[0], general[1], 1e-6, "NOT 2 says nothing about its parent 1");
  }

  @Test
  void anExcludedTermAnnotatedNotCountsOnceInScoreAndEvidence() {
    List<Map<Integer, Float>> d = withFiller(List.of(Map.of(3, 0.5f), Map.of(3, 0.5f)));
    LikelihoodRatioScorer s = scorer(d, Map.of(1, List.of(2, 4)), plain());
    int[] excluded = {4};
    float[] out = score(s, d.size(), new int[0], excluded);
    assertEquals(Math.log(2), out[1] - out[0], 1e-5);
    assertEquals(out[1], s.explain(new int[0], excluded, 1, t -> "T" + t).stream()
        .mapToDouble(Evidence::contribution).sum(), 1e-5);
  }

  @Test
  void evidenceSumsToTheScoreAndNamesTheMatch() {
    List<Map<Integer, Float>> d = withFiller(List.of(Map.of(4, 0.5f), Map.of(2, 0.7f, 3, 0.6f), Map.of(5, 0.5f)));
    RankParameters p = RankParameters.defaults();
    LikelihoodRatioScorer s = scorer(d, p);
    int[] observed = {2, 4, 5};
    int[] excluded = {3};
    float[] out = score(s, d.size(), observed, excluded);
    for (int disease = 0; disease < d.size(); disease++) {
      List<Evidence> evidence = s.explain(observed, excluded, disease, t -> "T" + t);
      double sum = evidence.stream().mapToDouble(Evidence::contribution).sum();
      assertEquals(sum, out[disease], 1e-4, "disease " + disease);
    }
    List<Evidence> first = s.explain(observed, excluded, 0, t -> "T" + t);
    assertEquals(MatchKind.QUERY_LESS_SPECIFIC, first.get(0).match());
    assertEquals("T4", first.get(0).feature());
    assertEquals(MatchKind.EXACT, first.get(1).match());
    assertEquals(MatchKind.NO_MATCH, first.get(2).match());
    assertEquals(MatchKind.QUERY_MORE_SPECIFIC, s.explain(new int[] {4}, new int[0], 1, t -> "T" + t).get(0).match());
  }

  @Test
  void generalAncestorsStoredDenselyScoreExactlyAsTheDefinition() {
    // 1,100 diseases: terms 1, 2 and 4 have long posting lists and a background above the dense cut, 3 and 5 stay
    // sparse; every disease has the root 0
    java.util.Random random = new java.util.Random(7);
    List<Map<Integer, Float>> direct = new ArrayList<>();
    for (int d = 0; d < 1100; d++) {
      Map<Integer, Float> m = new HashMap<>();
      if (random.nextDouble() < 0.6) {
        m.put(4, 0.05f + 0.9f * random.nextFloat());
      }
      if (random.nextDouble() < 0.3) {
        m.put(3, 0.05f + 0.9f * random.nextFloat());
      }
      if (random.nextDouble() < 0.2) {
        m.put(5, 0.05f + 0.9f * random.nextFloat());
      }
      if (random.nextDouble() < 0.1 || m.isEmpty()) {
        m.put(2, 0.05f + 0.9f * random.nextFloat());
      }
      direct.add(m);
    }
    RankParameters p = RankParameters.defaults().withNoise(0.2).withSizeExponent(0.5).withFrequencyExponent(0.5);
    LikelihoodRatioScorer s = scorer(direct, p);
    List<Map<Integer, Float>> profiles = direct.stream().map(LikelihoodRatioScorerTest::profile).toList();
    PostingsIndex index = new PostingsIndex(ANCESTORS.length, profiles, 1e-3);
    ObservedLikelihoods likelihoods = new ObservedLikelihoods(index, ANCESTORS, p);
    assertTrue(likelihoods.denseRows() >= 2, "the dense path is exercised");
    double[] scale = ObservedLikelihoods.sizeScale(index, p.sizeExponent());
    double ratio = (1 - p.noise()) / p.noise();
    int[] observed = {4, 3, 5, 1, 2};
    float[] out = score(s, direct.size(), observed, new int[0]);
    for (int d = 0; d < direct.size(); d++) {
      double expected = 0;
      for (int q : observed) {
        double best = 0;
        for (int c : ANCESTORS[q]) {
          boolean unused = index.diseases(c).length > ObservedLikelihoods.PRUNED_POSTINGS
              && index.background(c) > ObservedLikelihoods.MAX_BACKGROUND;
          double prob = index.prob(c, d);
          if (!unused && prob > 0) {
            best = Math.max(best, Math.log1p(ratio * Math.min(1, scale[d] * Math.pow(prob, 0.5)) / index.background(c)));
          }
        }
        expected += Math.log(p.noise()) + best;
      }
      assertEquals(expected, out[d], 1e-4, "disease " + d);
      double explained = s.explain(observed, new int[0], d, t -> "T" + t).stream()
          .mapToDouble(Evidence::contribution).sum();
      assertEquals(out[d], explained, 1e-4, "evidence of disease " + d);
    }
  }

  @Test
  void termsSharedByNearlyAllDiseasesCarryNoEvidenceOnceTheirPostingsAreLong() {
    // the organ term 1 (through 3 or 4) at 0.9 in every disease: background 0.9 > the ceiling
    List<Map<Integer, Float>> few = List.of(Map.of(4, 0.9f), Map.of(3, 0.9f), Map.of(3, 0.9f, 5, 0.5f));
    float[] small = score(scorer(few, plain()), few.size(), new int[] {1}, new int[0]);
    assertTrue(small[0] > Math.log(EPS), "short posting list: kept");
    List<Map<Integer, Float>> many = new ArrayList<>();
    for (int i = 0; i <= ObservedLikelihoods.PRUNED_POSTINGS; i++) {
      many.add(i % 2 == 0 ? Map.of(4, 0.9f) : Map.of(3, 0.9f));
    }
    float[] out = score(scorer(many, plain()), many.size(), new int[] {1}, new int[0]);
    for (float v : out) {
      assertEquals(Math.log(EPS), v, 1e-5);
    }
  }
}
