package org.detecta.rank;

import java.util.ArrayList;
import java.util.List;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.MatchKind;

/**
 * LIRICAL-style likelihood ratios over a {@link PostingsIndex} of propagated P(term | disease).
 * Observed term q: P(q|d) when the profile contains q (exact, or less specific than a feature through
 * propagation); else the best ancestor c of q in the profile, scaled by bg(q)/bg(c) (q is more specific
 * than the feature); else the false-positive rate; divided by the background bg(q). Excluded term q:
 * (1 - P(q|d)) / (1 - bg(q)), so diseases that usually show q are pushed down; a NOT annotation on q or an
 * ancestor counts for the disease. Scores are sums of log LRs. Observed and excluded terms can be scored
 * by separate instances, so the fusion can weigh them apart: in published cohorts, a patient's excluded
 * terms are often features other patients of the same disease show (measured: they cost top-1 at weight 1).
 */
public final class LikelihoodRatioScorer implements PhenotypeScorer {
  private static final double NOT_BONUS = Math.log(2.0);

  private final String name;
  private final int[][] ancestors;
  private final PostingsIndex index;
  private final PostingsIndex notIndex;
  private final int[][] direct;
  private final RankParameters parameters;
  private final boolean useObserved;
  private final boolean useExcluded;

  /**
   * @param direct   per disease, its directly annotated (or directly observed) terms, sorted — for evidence only
   * @param notIndex term → diseases annotated NOT with it
   */
  public LikelihoodRatioScorer(String name, int[][] ancestors, PostingsIndex index, PostingsIndex notIndex,
                               int[][] direct, RankParameters parameters, boolean useObserved, boolean useExcluded) {
    this.name = name;
    this.useObserved = useObserved;
    this.useExcluded = useExcluded;
    this.ancestors = ancestors;
    this.index = index;
    this.notIndex = notIndex;
    this.direct = direct;
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void score(int[] observed, int[] excluded, float[] out) {
    java.util.Arrays.fill(out, 0f);
    float fp = (float) parameters.falsePositive();
    float logFp = (float) Math.log(fp);
    // best[d] > 0 only for diseases touched by the current term; the others keep the false-positive rate,
    // whose log ratio is added to every disease at the end (one pass, not one per term).
    float[] best = new float[out.length];
    int[] touched = new int[out.length];
    double constant = 0;
    for (int q : useObserved ? observed : new int[0]) {
      double bgQ = index.background(q);
      int n = 0;
      // ancestors are sorted by index, not depth: the max over all of them is order-independent.
      for (int c : ancestors[q]) {
        double scale = c == q ? 1.0 : bgQ / index.background(c);
        if (scale <= fp) {
          continue;
        }
        int[] ds = index.diseases(c);
        float[] ps = index.probs(c);
        for (int i = 0; i < ds.length; i++) {
          float v = (float) (ps[i] * scale);
          int d = ds[i];
          if (v > fp && v > best[d]) {
            if (best[d] == 0) {
              touched[n++] = d;
            }
            best[d] = v;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        int d = touched[i];
        out[d] += (float) Math.log(best[d]) - logFp;
        best[d] = 0;
      }
      constant += logFp - Math.log(bgQ);
    }
    double max = parameters.maxPresent();
    for (int q : useExcluded ? excluded : new int[0]) {
      double bg = Math.min(index.background(q), max);
      constant += -Math.log(1 - bg);
      int[] ds = index.diseases(q);
      float[] ps = index.probs(q);
      for (int i = 0; i < ds.length; i++) {
        out[ds[i]] += (float) Math.log(1 - Math.min(ps[i], max));
      }
      for (int c : ancestors[q]) {
        for (int d : notIndex.diseases(c)) {
          out[d] += (float) NOT_BONUS;
        }
      }
    }
    if (constant != 0) {
      float k = (float) constant;
      for (int d = 0; d < out.length; d++) {
        out[d] += k;
      }
    }
  }

  /** Per-term contributions for one disease (the same numbers {@link #score} sums). */
  public List<Evidence> explain(int[] observed, int[] excluded, int disease, TermNames names) {
    List<Evidence> evidence = new ArrayList<>();
    double fp = parameters.falsePositive();
    for (int q : observed) {
      double bgQ = index.background(q);
      float own = index.prob(q, disease);
      if (own > 0) {
        boolean exact = java.util.Arrays.binarySearch(direct[disease], q) >= 0;
        int feature = exact ? q : descendantFeature(q, disease);
        double p = Math.max(own, fp);
        evidence.add(new Evidence(names.id(q), feature < 0 ? "" : names.id(feature),
            exact ? MatchKind.EXACT : MatchKind.QUERY_LESS_SPECIFIC, Math.log(p / bgQ)));
        continue;
      }
      double best = fp;
      int bestTerm = -1;
      for (int c : ancestors[q]) {
        double p = index.prob(c, disease) * bgQ / index.background(c);
        if (p > best) {
          best = p;
          bestTerm = c;
        }
      }
      evidence.add(new Evidence(names.id(q), bestTerm < 0 ? "" : names.id(bestTerm),
          bestTerm < 0 ? MatchKind.NO_MATCH : MatchKind.QUERY_MORE_SPECIFIC, Math.log(best / bgQ)));
    }
    double max = parameters.maxPresent();
    for (int q : excluded) {
      double bg = Math.min(index.background(q), max);
      double p = Math.min(index.prob(q, disease), max);
      double contribution = Math.log((1 - p) / (1 - bg));
      boolean not = false;
      for (int c : ancestors[q]) {
        not |= java.util.Arrays.binarySearch(notIndex.diseases(c), disease) >= 0;
      }
      if (not) {
        contribution += NOT_BONUS;
      }
      evidence.add(new Evidence(names.id(q), p > 0 ? names.id(q) : "",
          p >= 0.5 ? MatchKind.EXCLUDED_BUT_EXPECTED : MatchKind.EXCLUDED_CONSISTENT, contribution));
    }
    return evidence;
  }

  private int descendantFeature(int q, int disease) {
    for (int t : direct[disease]) {
      if (java.util.Arrays.binarySearch(ancestors[t], q) >= 0) {
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
