package org.detecta.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.DiseaseKind;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.Query;
import org.detecta.diagnosis.SimilarCase;

/**
 * The {@code rare-phenotype} model: fused component scores → softmax posterior over every disease,
 * best first (ties by id), with per-finding evidence for the listed candidates. Immutable, thread-safe.
 */
public final class RareEngine implements DiagnosticModel {
  /** Evidence is computed for at most this many candidates (a full 13,000-row differential needs none). */
  static final int EVIDENCE_LIMIT = 50;
  /** Training cases named per explained candidate (the best case of each of this many publications). */
  static final int SIMILAR_CASES = 3;

  private final ScoringModel model;
  private final FusionModel weights;
  private final Set<String> trainingCaseIds;

  public RareEngine(ScoringModel model, FusionModel weights, Set<String> trainingCaseIds) {
    this.model = model;
    this.weights = weights;
    this.trainingCaseIds = Set.copyOf(trainingCaseIds);
  }

  @Override
  public String name() {
    return RarePhenotypeFamily.NAME;
  }

  @Override
  public boolean knowsDisease(String diseaseId) {
    return model.indexOf(diseaseId) >= 0;
  }

  public ScoringModel scoringModel() {
    return model;
  }

  public FusionModel weights() {
    return weights;
  }

  /**
   * The same engine with the probabilities shared among the known diseases only (no unlisted-disease outcome): for
   * a caller that accounts for "none of these" itself, as the {@code detecta} world gate does.
   */
  public RareEngine knownDiseasesOnly() {
    return new RareEngine(model, weights.withUnlisted(Double.NEGATIVE_INFINITY), trainingCaseIds);
  }

  /** Ids of the cases the stored profiles were learned from (to warn when evaluating on them). */
  public Set<String> trainingCaseIds() {
    return trainingCaseIds;
  }

  @Override
  public Differential diagnose(Query query, int top) {
    return differential(score(query), top);
  }

  @Override
  public Differential rank(Query query, int top) {
    return differential(score(query), top, 0);
  }

  /**
   * A query scored over every disease: its resolved terms (sorted, distinct), the fused logits and the softmax's
   * temperature and log-normaliser. Computed once, it gives the differential ({@link #differential(Scored, int)}) and
   * anything else that needs the whole posterior (the interview's next questions) without scoring again.
   * Owned by whoever asked for it; the arrays are not to be modified. {@code engine} is the engine that scored it.
   */
  public record Scored(RareEngine engine, int[] observed, int[] excluded, List<String> unknown, float[] logits,
                       double temperature, double logSumExp) {
    /** P(disease d | findings). */
    public double probability(int d) {
      return Math.exp(logits[d] / temperature - logSumExp);
    }
  }

  public Scored score(Query query) {
    List<String> unknown = new ArrayList<>();
    TermResolver resolver = new TermResolver(model.terms());
    int[] observed = resolver.resolve(query.observed(), unknown);
    int[] excluded = resolver.resolve(query.excluded(), unknown);
    return score(observed, excluded, unknown);
  }

  /** Scores already resolved terms ({@code unknown}: the ids that could not be resolved, reported back). */
  public Scored score(int[] observed, int[] excluded, List<String> unknown) {
    float[] logits = new float[model.size()];
    weights.fuse(model.score(observed, excluded, weights), model, logits);
    double t = weights.temperature();
    return new Scored(this, observed, excluded, List.copyOf(unknown), logits, t, weights.logNormaliser(logits));
  }

  /** The differential of a scored query, as {@link #diagnose} gives it (evidence for the first candidates). */
  public Differential differential(Scored scored, int top) {
    return differential(scored, top, EVIDENCE_LIMIT);
  }

  private Differential differential(Scored scored, int top, int explained) {
    if (scored.engine() != this) {
      throw new IllegalArgumentException("a query scored by another rare engine");
    }
    int[] observed = scored.observed();
    int[] excluded = scored.excluded();
    float[] logits = scored.logits();
    double t = scored.temperature();
    double lse = scored.logSumExp();
    List<String> unknown = new ArrayList<>(scored.unknown());
    int n = top <= 0 ? logits.length : Math.min(top, logits.length);
    int[] order = topIndices(logits, n);
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int d = order[i];
      double p = Math.min(1.0, Math.exp(logits[d] / t - lse));
      List<Evidence> evidence = i < explained
          ? model.explainer().explain(observed, excluded, d, term -> model.terms().id(term).getValue())
          : List.of();
      List<SimilarCase> similar = i < explained && model.learned(d)
          ? model.neighbours().nearest(observed, d, SIMILAR_CASES)
          : List.of();
      candidates.add(new Candidate(model.id(d), model.name(d), p, DiseaseKind.RARE, evidence, similar));
    }
    double unlisted = weights.unlisted() == Double.NEGATIVE_INFINITY ? 0
        : Math.min(1.0, Math.exp(weights.unlisted() - lse));
    return new Differential(candidates, unknown, unlisted);
  }

  /**
   * Indices of the {@code n} best scores, best first, ties by id ascending. For small {@code n} a bounded
   * insertion selection over primitive arrays (one pass, no boxing); for large {@code n} a full sort.
   */
  int[] topIndices(float[] scores, int n) {
    if (n >= scores.length / 4) {
      Integer[] all = new Integer[scores.length];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      java.util.Arrays.sort(all, (a, b) -> before(scores, a, b) ? -1 : before(scores, b, a) ? 1 : 0);
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = all[i];
      }
      return out;
    }
    int[] best = new int[n];
    int size = 0;
    for (int i = 0; i < scores.length; i++) {
      if (size == n && !before(scores, i, best[n - 1])) {
        continue;
      }
      int at = size < n ? size++ : n - 1;
      while (at > 0 && before(scores, i, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = i;
    }
    return size == n ? best : java.util.Arrays.copyOf(best, size);
  }

  /** Whether disease {@code a} ranks before {@code b}: higher score, then smaller id. */
  private boolean before(float[] scores, int a, int b) {
    int c = Float.compare(scores[a], scores[b]);
    return c != 0 ? c > 0 : a != b && model.id(a).compareTo(model.id(b)) < 0;
  }
}
