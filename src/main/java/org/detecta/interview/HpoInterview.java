package org.detecta.interview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.detecta.cases.PatientCase;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.DiseaseKind;
import org.detecta.kb.TermIndex;
import org.detecta.rank.PostingsIndex;
import org.detecta.rank.RareEngine;
import org.detecta.rank.ScoringModel;
import org.detecta.rank.TermResolver;
import org.detecta.text.SpanishLabels;

/**
 * The rare-disease interviewer: questions are HPO terms answered yes / no / unknown ("yes" to a term means
 * yes to its ancestors, "no" means no to its descendants). The differential is the rare engine's own
 * scoring of the yes terms (observed) and no terms (excluded). Candidate questions are the terms frequent
 * in the profiles of the top candidates; each is scored by the expected entropy reduction over the top
 * {@link #CANDIDATES} diseases with P(yes | d) and P(no | d) given by the {@link HpoAnswerRates} as a function of
 * P(t | d), else unknown: by default the hand-set {@link #REPORT_YES}·P(t | d) and {@link #REPORT_NO}·(1 − P(t | d))
 * (case reports record a present feature more often than an absent one, and most features neither way);
 * {@link #fitRates} counts them on training cases instead.
 */
public final class HpoInterview implements Interviewer, QuestionBank {
  /**
   * Gains are computed over this many of the likeliest diseases, on the posterior flattened by
   * {@link #CHOICE_TEMPERATURE}: the fused posterior is sharp, and over a short, sharp list the gain only separates
   * the first two or three. Validation publications (engine of the train publications, 1,470 cases, seed 1), top-1 /
   * top-10 after 5, 10, 20 questions: 30 diseases at temperature 1 (before) 0.191 / 0.203 / 0.221 and 0.393 / 0.401 /
   * 0.410; 100 at 2 0.205 / 0.210 / 0.220 and 0.407 / 0.413 / 0.427; random questions 0.189 / 0.193 / 0.206 and
   * 0.384 / 0.390 / 0.407 (docs/INTERVIEW.md).
   */
  static final int CANDIDATES = 100;
  static final double CHOICE_TEMPERATURE = 2;
  /**
   * Weight of the expected rise of the top probability (on the unflattened posterior) added to the gain: the gain alone
   * spreads the questions over the runners-up, this term also asks what would confirm or unseat the first. Same
   * validation runs as above, top-1 after 5 / 10 / 20 (top-10): weight 0 0.205 / 0.210 / 0.220 (0.407 / 0.413 / 0.427),
   * 1 0.205 / 0.216 / 0.220, 3 0.207 / 0.220 / 0.231 (0.409 / 0.414 / 0.417), 10 0.201 / 0.218 / 0.231 (0.402 / 0.410 /
   * 0.411); the confidence term alone 0.201 / 0.210 / 0.221 (0.395 / 0.399 / 0.405). Re-chosen 2026-11-24 for the
   * re-ranked engine (sharper at the top), validation publications, cases right of 1,470 after 5 / 10 / 20, top-1
   * (top-10): weight 0 329 / 342 / 372 (614 / 626 / 630), 1 341 / 362 / 376 (615 / 626 / 634), 3 337 / 366 / 386
   * (605 / 622 / 624), random questions 306 / 318 / 337 (596 / 605 / 627): 3 lost top-10 to random after 20, 1 beats
   * it everywhere (docs/INTERVIEW.md).
   */
  static final double CONFIDENCE_WEIGHT = 1;
  static final int PROFILE_DISEASES = 10;
  static final double MIN_FREQUENCY = 0.15;
  static final double REPORT_YES = 0.5;
  static final double REPORT_NO = 0.15;
  /**
   * System property that makes {@code evaluate --interview} count the answer rates on the engine's training cases
   * instead of the hand-set ones. Off: on the validation publications the counted rates lost top-1 at every budget
   * (docs/INTERVIEW.md), so the product keeps the hand-set rates.
   */
  public static final String FIT_RATES_PROPERTY = "detecta.interview.fitHpoRates";
  /**
   * Whether "no" answers are scored by the engine (as excluded terms). They are not: they only settle the term and its
   * descendants (never asked). On the validation publications (engine of the train publications, 1,470 cases, seed 1,
   * best policy) scoring them gave top-1 0.187 / 0.198 / 0.204 / 0.210 after 0 / 5 / 10 / 20 questions, not scoring
   * them 0.187 / 0.205 / 0.218 / 0.232 (top-10 0.411 → 0.416 after 20): the reworked engine's excluded-term evidence
   * penalises the true disease for the general terms a case report happens to exclude (docs/INTERVIEW.md).
   */
  static final boolean SCORE_NO = false;
  /** Training cases sampled to count the answer rates. */
  public static final int RATE_CASES = 2000;
  private final RareEngine engine;
  private final ScoringModel model;
  private final TermIndex terms;
  private final SpanishLabels spanish;
  private final int[][] profileTerms;
  private final float[][] profileProbs;
  private final int root;
  private final HpoAnswerRates rates;
  private final ThreadLocal<Map.Entry<InterviewState, Ranked>> last = new ThreadLocal<>();
  /** Per thread, term → row of the current pool, or a term already seen while the pool is built (−1 elsewhere; reset after each use). */
  private final ThreadLocal<int[]> poolRows;

  /** The engine's posterior over every disease for one state, and the best indices. */
  record Ranked(double[] posterior, int[] order, int[] yes, int[] no) {
  }

  public HpoInterview(RareEngine engine, SpanishLabels spanish) {
    this.engine = engine;
    this.model = engine.scoringModel();
    this.terms = model.terms();
    this.spanish = spanish;
    PostingsIndex index = model.profiles();
    int n = model.size();
    int[] counts = new int[n];
    for (int t = 0; t < terms.size(); t++) {
      for (int d : index.diseases(t)) {
        counts[d]++;
      }
    }
    profileTerms = new int[n][];
    profileProbs = new float[n][];
    for (int d = 0; d < n; d++) {
      profileTerms[d] = new int[counts[d]];
      profileProbs[d] = new float[counts[d]];
      counts[d] = 0;
    }
    for (int t = 0; t < terms.size(); t++) {
      int[] ds = index.diseases(t);
      float[] ps = index.probs(t);
      for (int i = 0; i < ds.length; i++) {
        int d = ds[i];
        profileTerms[d][counts[d]] = t;
        profileProbs[d][counts[d]++] = ps[i];
      }
    }
    root = index("HP:0000118").orElse(-1);
    rates = HpoAnswerRates.fixed();
    poolRows = emptyRows(terms.size());
  }

  private HpoInterview(HpoInterview base, HpoAnswerRates rates) {
    this.engine = base.engine;
    this.model = base.model;
    this.terms = base.terms;
    this.spanish = base.spanish;
    this.profileTerms = base.profileTerms;
    this.profileProbs = base.profileProbs;
    this.root = base.root;
    this.rates = rates;
    this.poolRows = emptyRows(terms.size());
  }

  private static ThreadLocal<int[]> emptyRows(int terms) {
    return ThreadLocal.withInitial(() -> {
      int[] rows = new int[terms];
      Arrays.fill(rows, -1);
      return rows;
    });
  }

  public HpoAnswerRates rates() {
    return rates;
  }

  /** This interviewer with other answer rates. */
  public HpoInterview withRates(HpoAnswerRates other) {
    return new HpoInterview(this, other);
  }

  /**
   * Counts how training cases answer: each case (at most {@code maxCases}, seeded sample) starts as a
   * simulated patient ({@link #patients}) and answers every question of its first pool; each answer is
   * counted in the band of p = P(t | its true disease). Cases of diseases the engine does not know are skipped.
   */
  public HpoAnswerRates fitRates(List<PatientCase> training, int start, long seed, int maxCases) {
    List<PatientCase> sample = new ArrayList<>(training);
    java.util.Collections.shuffle(sample, new Random(seed));
    sample = sample.subList(0, Math.min(maxCases, sample.size()));
    Map<String, Integer> diseaseIndex = new HashMap<>();
    for (int d = 0; d < model.size(); d++) {
      diseaseIndex.put(model.id(d), d);
    }
    PostingsIndex index = model.profiles();
    double[][] counts = new double[HpoAnswerRates.BANDS.length][3];
    for (InterviewSimulator.Patient patient : patients(sample, start, seed)) {
      Integer truth = patient.diagnoses().stream().map(diseaseIndex::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
      if (truth == null) {
        continue;
      }
      for (int t : pool(patient.start(), ranked(patient.start()))) {
        double p = Math.max(index.prob(t, truth), index.background(t));
        Answer a = patient.oracle().answer(question(t));
        counts[HpoAnswerRates.band(p)][a.isYes() ? 0 : a.isNo() ? 1 : 2]++;
      }
    }
    return HpoAnswerRates.binned(counts, 20);
  }

  private Optional<Integer> index(String id) {
    return terms.resolve(id).term().flatMap(terms::indexOf);
  }

  @Override
  public QuestionBank questions() {
    return this;
  }

  // ---- questions ----

  @Override
  public Optional<Question> find(String id) {
    return index(id).map(this::question);
  }

  private Question question(int t) {
    String id = terms.id(t).getValue();
    String en = terms.label(t);
    return new Question(id, QuestionKind.HPO, Optional.empty(), en, spanish.label(id).orElse(en), Question.YES_NO, Question.NO);
  }

  /** Every HPO term would be too many to list; the interview's pool is the candidates' frequent terms. */
  @Override
  public List<Question> all() {
    return List.of();
  }

  @Override
  public boolean allowed(Question q, Map<String, Answer> answers) {
    Optional<Integer> t = index(q.id());
    if (t.isEmpty() || answers.containsKey(q.id())) {
      return false;
    }
    Ranked r = ranked(new InterviewState(org.detecta.cases.Sex.UNKNOWN, Optional.empty(), answers));
    return !implied(t.get(), r);
  }

  /** Known already: an ancestor of (or equal to) a yes term, or a descendant of (or equal to) a no term. */
  private boolean implied(int t, Ranked r) {
    for (int y : r.yes()) {
      if (terms.isAncestorOrSelf(t, y)) {
        return true;
      }
    }
    for (int n : r.no()) {
      if (terms.isAncestorOrSelf(n, t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<AnswerProblem> problems(Map<String, Answer> answers) {
    List<AnswerProblem> out = new ArrayList<>();
    List<Integer> yes = new ArrayList<>();
    List<Integer> no = new ArrayList<>();
    Map<Integer, String> ids = new HashMap<>();
    for (Answer a : answers.values()) {
      Optional<Integer> t = index(a.question());
      if (t.isEmpty()) {
        out.add(new AnswerProblem(a.question(), String.join(",", a.values()), "unknown HPO term " + a.question()));
        continue;
      }
      if (a.values().size() > 1 || (!a.isUnknown() && !a.isYes() && !a.isNo())) {
        out.add(new AnswerProblem(a.question(), String.join(",", a.values()), "an HPO question takes yes, no or unknown"));
        continue;
      }
      ids.put(t.get(), a.question());
      (a.isYes() ? yes : a.isNo() ? no : new ArrayList<Integer>()).add(t.get());
    }
    for (int y : yes) {
      for (int n : no) {
        if (terms.isAncestorOrSelf(n, y)) {
          out.add(new AnswerProblem(ids.get(y), Question.YES, "contradictory answers: yes to " + ids.get(y)
              + " but no to " + ids.get(n) + (n == y ? "" : ", which it implies")));
        }
      }
    }
    return out;
  }

  // ---- interviewer ----

  private Ranked ranked(InterviewState state) {
    Map.Entry<InterviewState, Ranked> cached = last.get();
    if (cached != null && cached.getKey().equals(state)) {
      return cached.getValue();
    }
    List<String> yes = new ArrayList<>();
    List<String> no = new ArrayList<>();
    state.answers().values().forEach(a -> {
      if (a.isYes()) {
        yes.add(a.question());
      } else if (a.isNo()) {
        no.add(a.question());
      }
    });
    TermResolver resolver = new TermResolver(terms);
    List<String> unknown = new ArrayList<>();
    int[] observed = resolver.resolve(yes, unknown);
    int[] excluded = resolver.resolve(no, unknown);
    Ranked r = SCORE_NO ? ranked(engine.score(observed, excluded, unknown))
        : withNo(ranked(engine.score(observed, new int[0], unknown)), excluded);
    last.set(Map.entry(state, r));
    return r;
  }

  private static Ranked withNo(Ranked r, int[] no) {
    return new Ranked(r.posterior(), r.order(), r.yes(), no);
  }

  private static Ranked ranked(RareEngine.Scored scored) {
    double[] posterior = new double[scored.logits().length];
    for (int d = 0; d < posterior.length; d++) {
      posterior[d] = scored.probability(d);
    }
    int[] order = InformationGain.candidates(posterior, 0, CANDIDATES);
    return new Ranked(posterior, order, scored.observed(), scored.excluded());
  }

  /**
   * As {@link #next(InterviewState, int)}, reusing the engine's scoring of the same findings (a diagnosis computed it
   * just before) instead of scoring them again; when {@code scored} is of other terms than the state's yes and no
   * answers, the state is scored as usual.
   */
  public List<RankedQuestion> next(InterviewState state, int k, RareEngine.Scored scored) {
    Map.Entry<InterviewState, Ranked> cached = last.get();
    if (cached == null || !cached.getKey().equals(state)) {
      TermResolver resolver = new TermResolver(terms);
      List<String> yes = new ArrayList<>();
      List<String> no = new ArrayList<>();
      state.answers().values().forEach(a -> (a.isYes() ? yes : a.isNo() ? no : new ArrayList<String>()).add(a.question()));
      int[] excluded = resolver.resolve(no, new ArrayList<>());
      if (Arrays.equals(resolver.resolve(yes, new ArrayList<>()), scored.observed())
          && Arrays.equals(SCORE_NO ? excluded : new int[0], scored.excluded())
          && scored.engine() == engine) {
        last.set(Map.entry(state, withNo(ranked(scored), excluded)));
      }
    }
    return next(state, k);
  }

  @Override
  public List<Candidate> differential(InterviewState state, int top) {
    Ranked r = ranked(state);
    int n = top <= 0 ? r.order().length : Math.min(top, r.order().length);
    List<Candidate> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int d = r.order()[i];
      out.add(new Candidate(model.id(d), model.name(d), Math.min(1, r.posterior()[d]), DiseaseKind.RARE, List.of()));
    }
    return out;
  }

  /** The pool: terms with P(t|d) ≥ {@link #MIN_FREQUENCY} in the top candidates' profiles, not yet known. */
  private List<Integer> pool(InterviewState state, Ranked r) {
    Set<Integer> answered = new HashSet<>();
    state.answers().keySet().forEach(id -> index(id).ifPresent(answered::add));
    int[] mark = poolRows.get();
    int diseases = Math.min(PROFILE_DISEASES, r.order().length);
    int[] touched = new int[Arrays.stream(r.order(), 0, diseases).map(d -> profileTerms[d].length).sum()];
    int n = 0;
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < diseases; i++) {
      int d = r.order()[i];
      for (int j = 0; j < profileTerms[d].length; j++) {
        int t = profileTerms[d][j];
        if (profileProbs[d][j] >= MIN_FREQUENCY && t != root && mark[t] == -1) {
          mark[t] = -2;
          touched[n++] = t;
          if (!implied(t, r) && !answered.contains(t)) {
            out.add(t);
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      mark[touched[i]] = -1;
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /**
   * P(t | d) for every pool term (rows) and candidate (columns), the values {@code profiles().prob(t, d)} gives: each
   * candidate's profile is walked once and its terms looked up in a term → pool row table, instead of a binary search
   * of a general term's long posting list per pair (half of a rare diagnose's CPU went there) or a merge of the whole
   * pool with every profile.
   */
  private float[][] poolProbabilities(List<Integer> pool, int[] candidates) {
    float[][] out = new float[pool.size()][candidates.length];
    int[] row = poolRows.get();
    for (int i = 0; i < pool.size(); i++) {
      row[pool.get(i)] = i;
    }
    for (int c = 0; c < candidates.length; c++) {
      int[] profile = profileTerms[candidates[c]];
      float[] probs = profileProbs[candidates[c]];
      for (int j = 0; j < profile.length; j++) {
        int i = row[profile[j]];
        if (i >= 0) {
          out[i][c] = probs[j];
        }
      }
    }
    for (int t : pool) {
      row[t] = -1;
    }
    return out;
  }

  /** The candidates' probabilities raised to 1 / {@link #CHOICE_TEMPERATURE} (renormalised by the gain's start). */
  private static double[] flattened(double[] posterior, int[] candidates) {
    double[] out = new double[posterior.length];
    for (int c : candidates) {
      out[c] = Math.pow(posterior[c], 1 / CHOICE_TEMPERATURE);
    }
    return out;
  }

  @Override
  public List<Question> allowed(InterviewState state) {
    Ranked r = ranked(state);
    return pool(state, r).stream().map(this::question).toList();
  }

  @Override
  public List<RankedQuestion> next(InterviewState state, int k) {
    Ranked r = ranked(state);
    int[] candidates = r.order();
    PostingsIndex index = model.profiles();
    List<RankedQuestion> ranked = new ArrayList<>();
    Map<String, Double> information = new HashMap<>();
    List<Integer> pool = pool(state, r);
    float[][] probs = poolProbabilities(pool, candidates);
    HpoQuestionScore scores = new HpoQuestionScore(rates,
        InformationGain.Start.of(flattened(r.posterior(), candidates), candidates), r.posterior());
    for (int i = 0; i < pool.size(); i++) {
      int t = pool.get(i);
      HpoQuestionScore.Score score = scores.of(probs[i], index.background(t));
      information.put(terms.id(t).getValue(), score.gain());
      ranked.add(new RankedQuestion(question(t), score.gain() + CONFIDENCE_WEIGHT * score.confidence()));
    }
    // chosen by the combined score; each keeps its information gain, what its answer is expected to tell
    return RankedQuestion.best(ranked, k).stream()
        .map(q -> new RankedQuestion(q.question(), information.get(q.question().id()))).toList();
  }

  /**
   * Simulated case-report patients: start from {@code start} observed terms chosen with the seed; answer yes
   * when the case has the term or a descendant observed, no when it (or an ancestor) is excluded, else unknown.
   */
  public List<InterviewSimulator.Patient> patients(List<PatientCase> cases, int start, long seed) {
    List<InterviewSimulator.Patient> out = new ArrayList<>();
    TermResolver resolver = new TermResolver(terms);
    for (int i = 0; i < cases.size(); i++) {
      PatientCase c = cases.get(i);
      int[] observed = resolver.resolve(c.observed(), new ArrayList<>());
      int[] excluded = resolver.resolve(c.excluded(), new ArrayList<>());
      if (observed.length == 0) {
        continue;
      }
      int[] shuffled = observed.clone();
      Random random = new Random(seed * 31 + i);
      for (int j = shuffled.length - 1; j > 0; j--) {
        int k = random.nextInt(j + 1);
        int tmp = shuffled[j];
        shuffled[j] = shuffled[k];
        shuffled[k] = tmp;
      }
      Map<String, Answer> first = new LinkedHashMap<>();
      for (int j = 0; j < Math.min(start, shuffled.length); j++) {
        first.put(terms.id(shuffled[j]).getValue(), Answer.yes(terms.id(shuffled[j]).getValue()));
      }
      InterviewSimulator.Oracle oracle = q -> {
        int t = index(q.id()).orElse(-1);
        if (Arrays.stream(observed).anyMatch(o -> terms.isAncestorOrSelf(t, o))) {
          return Answer.yes(q.id());
        }
        if (Arrays.stream(excluded).anyMatch(e -> terms.isAncestorOrSelf(e, t))) {
          return Answer.no(q.id());
        }
        return Answer.unknown(q.id());
      };
      out.add(new InterviewSimulator.Patient(c.id(), new InterviewState(c.sex(), c.ageYears(), first), oracle, c.diagnoses()));
    }
    return out;
  }
}
