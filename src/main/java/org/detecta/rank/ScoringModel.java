package org.detecta.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.TermIndex;

/**
 * The disease space (KB diseases, then diseases known only from cases) and the three component scorers
 * over it: semantic similarity and likelihood ratio (observed terms) on the case-smoothed profiles, the
 * KB-only likelihood ratio (observed terms), the likelihood ratio of the excluded terms, nearest training
 * cases ({@link CaseNeighbours}) and a prior from training-case counts. Case profiles are smoothed toward
 * the KB: P(t|d) = (w_t + a·P_kb(t|d)) / (W + a). The KB frequencies are first corrected by the per-term reporting
 * rates learned from the same cases ({@link ReportingRates}), for every KB disease.
 */
public final class ScoringModel {
  public static final int SIMILARITY = 0;
  public static final int LR_KB = 1;
  public static final int LR_CASES = 2;
  public static final int EXCLUDED = 3;
  public static final int KNN = 4;
  public static final int PRIOR = 5;
  public static final int COMPONENTS = 6;
  /** Neighbour aggregation: mean of the best cases of this many distinct publications. */
  static final int KNN_TOP = 1;
  /** Terms below this information content are ignored by similarity and neighbours (shared by nearly all). */
  static final double MIN_IC = 0.5;

  private final TermIndex terms;
  private final String[] ids;
  private final String[] names;
  private final Map<String, Integer> indexById;
  private final boolean[] learned;
  private final boolean[] omim;
  private final int kbSize;
  private final PhenotypeScorer[] scorers;
  private final LikelihoodRatioScorer explainer;
  private final PostingsIndex profiles;
  /** Scores of a component the fusion skips; never written. */
  private final float[] zeros;
  private final PostingsIndex kbIndex;
  private final PostingsIndex notIndex;
  private final int[][] ancestors;
  private final int[][] direct;
  private final RankParameters parameters;

  public ScoringModel(KnowledgeBase kb, KbProfiles kbProfiles, List<ResolvedCase> training, Map<String, String> labels,
                      RankParameters parameters) {
    CaseProfiles cases = CaseProfiles.learn(training, kb.terms(), parameters.publicationCap());
    this.terms = kb.terms();
    List<String> idList = new ArrayList<>(kbProfiles.ids);
    List<String> nameList = new ArrayList<>(kbProfiles.names);
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < idList.size(); i++) {
      byId.put(idList.get(i), i);
    }
    for (String id : new TreeSet<>(cases.diseases().keySet())) {
      if (!byId.containsKey(id)) {
        byId.put(id, idList.size());
        idList.add(id);
        nameList.add(labels.getOrDefault(id, id));
      }
    }
    int n = idList.size();
    ids = idList.toArray(String[]::new);
    names = nameList.toArray(String[]::new);
    indexById = Map.copyOf(byId);
    zeros = new float[n];
    learned = new boolean[n];
    omim = new boolean[n];
    for (int d = 0; d < n; d++) {
      omim[d] = ids[d].startsWith("OMIM:");
    }
    kbSize = kbProfiles.size();
    float[] logPrior = new float[n];
    List<Map<Integer, Float>> kbPresent = new ArrayList<>(kbProfiles.present);
    if (parameters.reportingPseudoCount() > 0) {
      kbPresent = ReportingRates.apply(kbPresent,
          ReportingRates.learn(kbPresent, cases, indexById, terms.size(), parameters.reportingPseudoCount()));
    }
    List<Map<Integer, Float>> nots = new ArrayList<>(kbProfiles.not);
    List<Map<Integer, Float>> smoothed = new ArrayList<>(kbPresent);
    int[][] direct = new int[n][];
    for (int d = 0; d < n; d++) {
      direct[d] = d < kbProfiles.size() ? kbProfiles.direct.get(d) : new int[0];
      if (d >= kbProfiles.size()) {
        kbPresent.add(Map.of());
        nots.add(Map.of());
        smoothed.add(Map.of());
      }
    }
    double a = parameters.smoothing();
    for (var e : cases.diseases().entrySet()) {
      int d = indexById.get(e.getKey());
      learned[d] = true;
      CaseProfiles.Learned l = e.getValue();
      logPrior[d] = (float) Math.log1p(l.weight());
      Map<Integer, Float> prior = kbPresent.get(d);
      Map<Integer, Float> map = new HashMap<>(prior.size() + l.terms().size());
      for (var p : prior.entrySet()) {
        map.put(p.getKey(), (float) (a * p.getValue() / (l.weight() + a)));
      }
      for (var t : l.terms().entrySet()) {
        float pr = prior.getOrDefault(t.getKey(), 0f);
        map.put(t.getKey(), (float) ((t.getValue() + a * pr) / (l.weight() + a)));
      }
      smoothed.set(d, map);
      TreeSet<Integer> own = new TreeSet<>();
      for (int t : direct[d]) {
        own.add(t);
      }
      for (int t : l.direct()) {
        own.add(t);
      }
      direct[d] = own.stream().mapToInt(Integer::intValue).toArray();
    }
    int termCount = terms.size();
    int[][] ancestors = new int[termCount][];
    double[] ic = new double[termCount];
    for (int t = 0; t < termCount; t++) {
      ancestors[t] = terms.ancestors(t);
      ic[t] = kb.informationContent(t);
    }
    double floor = 1.0 / (10.0 * n);
    PostingsIndex kbIndex = new PostingsIndex(termCount, kbPresent, floor);
    PostingsIndex caseIndex = new PostingsIndex(termCount, smoothed, floor);
    profiles = caseIndex;
    PostingsIndex notIndex = new PostingsIndex(termCount, nots, floor);
    this.kbIndex = kbIndex;
    this.notIndex = notIndex;
    this.ancestors = ancestors;
    this.direct = direct;
    LikelihoodRatioScorer[] lr = likelihoodScorers(parameters);
    explainer = lr[0];
    scorers = new PhenotypeScorer[] {
        new SimilarityScorer(ancestors, ic, caseIndex, MIN_IC), lr[LR_KB], lr[LR_CASES], lr[EXCLUDED],
        new CaseNeighbours(training, indexById, ancestors, ic, MIN_IC, KNN_TOP),
        new DiseasePrior(logPrior)};
    this.parameters = parameters;
  }

  /**
   * The same model with other likelihood-ratio constants (noise, size and frequency exponents, excluded cap): the
   * likelihood-ratio scorers and the explainer are rebuilt, the profiles, similarity, neighbours and prior are
   * shared. Unknown frequency, smoothing and publication cap shape the profiles and must be unchanged.
   */
  public ScoringModel withLikelihoods(RankParameters other) {
    if (!other.sameProfiles(parameters)) {
      throw new IllegalArgumentException("profile parameters differ: " + parameters + " vs " + other);
    }
    return new ScoringModel(this, other);
  }

  private ScoringModel(ScoringModel base, RankParameters parameters) {
    terms = base.terms;
    ids = base.ids;
    names = base.names;
    indexById = base.indexById;
    learned = base.learned;
    omim = base.omim;
    kbSize = base.kbSize;
    profiles = base.profiles;
    zeros = base.zeros;
    kbIndex = base.kbIndex;
    notIndex = base.notIndex;
    ancestors = base.ancestors;
    direct = base.direct;
    this.parameters = parameters;
    LikelihoodRatioScorer[] lr = likelihoodScorers(parameters);
    explainer = lr[0];
    scorers = base.scorers.clone();
    for (int c : new int[] {LR_KB, LR_CASES, EXCLUDED}) {
      scorers[c] = lr[c];
    }
  }

  /** The explainer (observed and excluded, case-smoothed profiles) at 0, then lr-kb, lr-cases, excluded. */
  private LikelihoodRatioScorer[] likelihoodScorers(RankParameters p) {
    ObservedLikelihoods onCases = new ObservedLikelihoods(profiles, ancestors, p);
    ObservedLikelihoods onKb = new ObservedLikelihoods(kbIndex, ancestors, p);
    LikelihoodRatioScorer[] out = new LikelihoodRatioScorer[EXCLUDED + 1];
    out[0] = new LikelihoodRatioScorer("lr-cases", ancestors, onCases, notIndex, direct, p.maxPresent(), true, true);
    out[LR_KB] = new LikelihoodRatioScorer("lr-kb", ancestors, onKb, notIndex, direct, p.maxPresent(), true, false);
    out[LR_CASES] = new LikelihoodRatioScorer("lr-cases", ancestors, onCases, notIndex, direct, p.maxPresent(), true,
        false);
    out[EXCLUDED] = new LikelihoodRatioScorer("excluded", ancestors, onCases, notIndex, direct, p.maxPresent(), false,
        true);
    return out;
  }

  public RankParameters parameters() {
    return parameters;
  }

  public int size() {
    return ids.length;
  }

  public String id(int d) {
    return ids[d];
  }

  public String name(int d) {
    return names[d];
  }

  /** Index of a disease id, or -1. */
  public int indexOf(String id) {
    Integer i = indexById.get(id);
    return i == null ? -1 : i;
  }

  /** True when training cases contributed to this disease's profile. */
  public boolean learned(int d) {
    return learned[d];
  }

  /** True for an OMIM entry (the namespace every phenopacket diagnosis uses). */
  public boolean omim(int d) {
    return omim[d];
  }

  /** True when the disease comes from the knowledge base (not only from cases). */
  public boolean inKb(int d) {
    return d < kbSize;
  }

  public PhenotypeScorer scorer(int component) {
    return scorers[component];
  }

  /** The nearest-case component (names the training cases behind a candidate's score). */
  public CaseNeighbours neighbours() {
    return (CaseNeighbours) scorers[KNN];
  }

  public LikelihoodRatioScorer explainer() {
    return explainer;
  }

  /** P(term | disease) of the knowledge base smoothed with the learned case profiles, ancestor-propagated. */
  public PostingsIndex profiles() {
    return profiles;
  }

  public TermIndex terms() {
    return terms;
  }

  /** All component scores for one query: {@code [component][disease]}. */
  public float[][] scoreAll(int[] observed, int[] excluded) {
    return score(observed, excluded, null);
  }

  /**
   * Component scores, skipping the components the fusion does not use: those rows are one shared all-zero
   * array (read-only; no per-query allocation or scoring for them).
   */
  public float[][] score(int[] observed, int[] excluded, FusionModel fusion) {
    float[][] out = new float[COMPONENTS][];
    for (int c = 0; c < COMPONENTS; c++) {
      if (fusion == null || fusion.needs(c)) {
        out[c] = new float[ids.length];
        scorers[c].score(observed, excluded, out[c]);
      } else {
        out[c] = zeros;
      }
    }
    return out;
  }
}
