package org.detecta.interview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two-step expected information gain, pruned: the {@code width} questions with the highest one-step gain are
 * re-ranked by IG(q) + E_o[max_q' IG(q' | o)], the information expected from asking q and then the best next
 * question, where the second question is sought among the {@code pool} best one-step questions and the
 * questions q's answer makes askable (its children), and o runs over q's most likely outcomes (at most
 * {@code outcomes}, covering 99% of the probability; their weights renormalised). Width 0: off (one step). It applies
 * once {@code after} answers are known; then, with {@code focus} above 0, gains are computed over the {@code focus}
 * likeliest diseases only (e.g. 2: separate the current top two; 0: every disease that carries probability).
 */
public record Lookahead(int width, int pool, int outcomes, int after, int focus) {
  static final double COVER = 0.99;

  public static Lookahead off() {
    return new Lookahead(0, 0, 0, 0, 0);
  }

  public boolean on() {
    return width > 0;
  }

  /** True when the state has at least {@code after} answers (the first questions stay one-step: they settle most patients). */
  boolean appliesTo(InterviewState state) {
    return on() && state.answers().size() >= after;
  }

  /**
   * @param ranked the allowed questions by one-step gain, best first (gains on {@code p})
   * @return the same questions, the first {@code width} re-ordered by their two-step gain, the rest after
   *     them in their order; each keeps its one-step gain (what its own answer is expected to tell)
   */
  List<RankedQuestion> rerank(List<RankedQuestion> ranked, double[] p, int[] candidates, InterviewState state,
                              QuestionBank bank, AnswerModel model, Map<String, List<Question>> children) {
    int m = Math.min(width, ranked.size());
    if (m <= 1) {
      return ranked;
    }
    List<Question> second = ranked.subList(0, Math.min(pool, ranked.size())).stream().map(RankedQuestion::question).toList();
    Map<RankedQuestion, Double> score = new LinkedHashMap<>();
    for (RankedQuestion r : ranked.subList(0, m)) {
      List<Question> opened = children.getOrDefault(r.question().id(), List.of());
      score.put(r, r.gain() + expectedNext(r.question(), p, candidates, state, bank, model, second, opened));
    }
    List<RankedQuestion> out = new ArrayList<>(score.keySet());
    out.sort(Comparator.comparingDouble((RankedQuestion r) -> -score.get(r)).thenComparing(r -> r.question().id()));
    out.addAll(ranked.subList(m, ranked.size()));
    return out;
  }

  /** E_o[max_q' IG(q' | o)] over q's likeliest outcomes; {@code children}: the questions whose parent is q. */
  private double expectedNext(Question q, double[] p, int[] candidates, InterviewState state, QuestionBank bank,
                              AnswerModel model, List<Question> second, List<Question> children) {
    double[][] rows = model.outcomeProbabilities(q.id());
    List<Set<String>> values = model.outcomes(q.id());
    double mass = 0;
    for (int c : candidates) {
      mass += p[c];
    }
    int n = rows.length;
    double[] prob = new double[n];
    Integer[] order = new Integer[n];
    for (int o = 0; o < n; o++) {
      order[o] = o;
      for (int c : candidates) {
        prob[o] += p[c] * rows[o][c];
      }
      prob[o] /= mass;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(prob[b], prob[a]));
    double[] po = new double[p.length];
    double covered = 0;
    double sum = 0;
    for (int k = 0; k < n && k < outcomes && covered < COVER; k++) {
      int o = order[k];
      if (prob[o] <= 0) {
        break;
      }
      for (int c : candidates) {
        po[c] = p[c] * rows[o][c];
      }
      InformationGain.Start start = InformationGain.Start.of(po, candidates);
      Map<String, Answer> answers = null;
      double best = 0;
      for (Question next : second) {
        if (!next.id().equals(q.id())) {
          best = Math.max(best, InformationGain.gain(start, model.gainOutcomes(next.id())));
        }
      }
      for (Question child : children) {
        answers = answers != null ? answers : with(state, new Answer(q.id(), values.get(o)));
        if (bank.allowed(child, answers) && model.gainOutcomes(child.id()) != null) {
          best = Math.max(best, InformationGain.gain(start, model.gainOutcomes(child.id())));
        }
      }
      sum += prob[o] * best;
      covered += prob[o];
    }
    return covered > 0 ? sum / covered : 0;
  }

  private static Map<String, Answer> with(InterviewState state, Answer answer) {
    Map<String, Answer> out = new LinkedHashMap<>(state.answers());
    out.put(answer.question(), answer);
    return out;
  }
}
