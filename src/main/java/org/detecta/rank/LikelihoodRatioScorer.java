package org.detecta.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.MatchKind;

/**
 * LIRICAL-style likelihood ratios over a {@link PostingsIndex} of propagated P(term | disease). Observed
 * term q: the noise model of {@link ObservedLikelihoods}, log LR = log ε + the best gain over q and its
 * ancestors (exact match, query less specific through propagation, query more specific than a feature, or a
 * shared ancestor), log ε alone when the disease explains nothing of q. Excluded term q:
 * (1 - P(q|d)) / (1 - bg(q)), so diseases that usually show q are pushed down; a NOT annotation on q or an
 * ancestor counts for the disease. An observed term the disease is annotated NOT to show (q or an ancestor of q)
 * costs log π (LIRICAL: π = 1/1000; here fitted, {@link RankParameters#notPenalty()}). Scores are sums of log LRs. Observed and excluded terms can be scored
 * by separate instances, so the fusion can weigh them apart: in published cohorts, a patient's excluded
 * terms are often features other patients of the same disease show (measured: they cost top-1 at weight 1).
 */
public final class LikelihoodRatioScorer implements PhenotypeScorer {
  private static final double NOT_BONUS = Math.log(2.0);

  private final String name;
  private final int[][] ancestors;
  private final ObservedLikelihoods likelihoods;
  private final PostingsIndex index;
  private final PostingsIndex notIndex;
  private final int[][] direct;
  private final double maxPresent;
  private final boolean useObserved;
  private final boolean useExcluded;

  /**
   * @param direct   per disease, its directly annotated (or directly observed) terms, sorted — for evidence only
   * @param notIndex term → diseases annotated NOT with it
   */
  public LikelihoodRatioScorer(String name, int[][] ancestors, ObservedLikelihoods likelihoods, PostingsIndex notIndex,
                               int[][] direct, double maxPresent, boolean useObserved, boolean useExcluded) {
    this.name = name;
    this.useObserved = useObserved;
    this.useExcluded = useExcluded;
    this.ancestors = ancestors;
    this.likelihoods = likelihoods;
    this.index = likelihoods.index();
    this.notIndex = notIndex;
    this.direct = direct;
    this.maxPresent = maxPresent;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void score(int[] observed, int[] excluded, float[] out) {
    Arrays.fill(out, 0f);
    double constant = 0;
    if (useObserved && observed.length > 0) {
      likelihoods.addGains(observed, out);
      constant += observed.length * likelihoods.logNoise();
      if (likelihoods.logNotPenalty() != 0) {
        addPerNotDisease(observed, (float) likelihoods.logNotPenalty(), out);
      }
    }
    for (int q : useExcluded ? excluded : new int[0]) {
      double bg = Math.min(index.background(q), maxPresent);
      constant += -Math.log(1 - bg);
      int[] ds = index.diseases(q);
      float[] ps = index.probs(q);
      for (int i = 0; i < ds.length; i++) {
        out[ds[i]] += (float) Math.log(1 - Math.min(ps[i], maxPresent));
      }
    }
    if (useExcluded) {
      addPerNotDisease(excluded, (float) NOT_BONUS, out);
    }
    if (constant != 0) {
      float k = (float) constant;
      for (int d = 0; d < out.length; d++) {
        out[d] += k;
      }
    }
  }

  /**
   * Adds {@code value} once per (term, disease) for every disease annotated NOT to the term or one of its
   * ancestors (a disease NOT annotated to both a term and its parent counts once).
   */
  private void addPerNotDisease(int[] terms, float value, float[] out) {
    int[] mark = null;
    for (int k = 0; k < terms.length; k++) {
      for (int c : ancestors[terms[k]]) {
        for (int d : notIndex.diseases(c)) {
          if (mark == null) {
            mark = new int[out.length];
          }
          if (mark[d] != k + 1) {
            mark[d] = k + 1;
            out[d] += value;
          }
        }
      }
    }
  }

  /** The most specific term among q and its ancestors the disease is annotated NOT to show, or -1. */
  private int notAnnotated(int q, int disease) {
    int found = -1;
    for (int c : ancestors[q]) {
      if (Arrays.binarySearch(notIndex.diseases(c), disease) >= 0
          && (found < 0 || Arrays.binarySearch(ancestors[c], found) >= 0)) {
        found = c;
      }
    }
    return found;
  }

  /** Per-term contributions for one disease (the same numbers {@link #score} sums, observed then excluded). */
  public List<Evidence> explain(int[] observed, int[] excluded, int disease, TermNames names) {
    List<Evidence> evidence = new ArrayList<>();
    for (int q : observed) {
      evidence.add(observedEvidence(q, disease, names));
      int not = notAnnotated(q, disease);
      if (not >= 0 && likelihoods.logNotPenalty() != 0) {
        evidence.add(new Evidence(names.id(q), names.id(not), MatchKind.OBSERVED_BUT_EXCLUDED,
            likelihoods.logNotPenalty()));
      }
    }
    for (int q : excluded) {
      double bg = Math.min(index.background(q), maxPresent);
      double p = Math.min(index.prob(q, disease), maxPresent);
      double contribution = Math.log((1 - p) / (1 - bg));
      if (notAnnotated(q, disease) >= 0) {
        contribution += NOT_BONUS;
      }
      evidence.add(new Evidence(names.id(q), p > 0 ? names.id(q) : "",
          p >= 0.5 ? MatchKind.EXCLUDED_BUT_EXPECTED : MatchKind.EXCLUDED_CONSISTENT, contribution));
    }
    return evidence;
  }

  /**
   * The best-gain ancestor of {@code q} in the disease profile (on equal gain the more specific one) and how it
   * relates to the disease's features.
   */
  private Evidence observedEvidence(int q, int disease, TermNames names) {
    float best = 0;
    int bestTerm = -1;
    for (int c : ancestors[q]) {
      float g = likelihoods.gain(c, disease);
      if (g > best || (g == best && g > 0 && Arrays.binarySearch(ancestors[c], bestTerm) >= 0)) {
        best = g;
        bestTerm = c;
      }
    }
    double contribution = likelihoods.logNoise() + best;
    if (bestTerm < 0) {
      return new Evidence(names.id(q), "", MatchKind.NO_MATCH, contribution);
    }
    boolean directFeature = Arrays.binarySearch(direct[disease], bestTerm) >= 0;
    if (bestTerm == q) {
      int feature = directFeature ? q : descendantFeature(q, disease);
      return new Evidence(names.id(q), feature < 0 ? "" : names.id(feature),
          directFeature ? MatchKind.EXACT : MatchKind.QUERY_LESS_SPECIFIC, contribution);
    }
    return new Evidence(names.id(q), names.id(bestTerm),
        directFeature ? MatchKind.QUERY_MORE_SPECIFIC : MatchKind.RELATED, contribution);
  }

  private int descendantFeature(int q, int disease) {
    for (int t : direct[disease]) {
      if (Arrays.binarySearch(ancestors[t], q) >= 0) {
        return t;
      }
    }
    return -1;
  }

  /** Renders a term index as its HPO id. */
  public interface TermNames {
    String id(int term);
  }
}
