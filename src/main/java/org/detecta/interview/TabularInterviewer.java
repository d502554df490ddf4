package org.detecta.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.DiseaseKind;

/**
 * The interviewer of a common-disease model: posterior and expected gains both from one
 * {@link AnswerModel}. Gains are evaluated only for allowed questions and only over the diseases that
 * still carry probability ({@link #FLOOR}, at most {@link #MAX_CANDIDATES}).
 */
public final class TabularInterviewer implements Interviewer {
  static final double FLOOR = 1e-4;
  static final int MAX_CANDIDATES = 30;
  private final QuestionBank bank;
  private final AnswerModel model;
  private final double choiceTemperature;
  private final Scorer scorer;
  private final double confidenceWeight;
  private final Lookahead lookahead;
  private final Map<String, List<Question>> children;

  /** Unnormalised log-posterior of every condition (the answer model's class order) given what is known. */
  @FunctionalInterface
  public interface Scorer {
    double[] logScores(InterviewState state);
  }

  public TabularInterviewer(QuestionBank bank, AnswerModel model) {
    this(bank, model, 1.0);
  }

  /**
   * @param choiceTemperature the log-posterior is divided by this before gains are computed (above 1: a
   *     flatter, less overconfident differential for choosing; the reported differential is untouched)
   */
  public TabularInterviewer(QuestionBank bank, AnswerModel model, double choiceTemperature) {
    this(bank, model, s -> model.logPosterior(s.sex(), s.age(), s.answers()), choiceTemperature);
  }

  /**
   * @param scorer the differential (e.g. the answer model blended with a classifier); the answer model
   *     still gives each question's outcome probabilities for the expected gain
   */
  public TabularInterviewer(QuestionBank bank, AnswerModel model, Scorer scorer, double choiceTemperature) {
    this(bank, model, scorer, choiceTemperature, 0);
  }

  /**
   * @param confidenceWeight weight of the expected rise of the top probability (on the reported differential)
   *     added to the information gain (on the flattened one): 0 = information gain alone
   */
  public TabularInterviewer(QuestionBank bank, AnswerModel model, Scorer scorer, double choiceTemperature,
                            double confidenceWeight) {
    this(bank, model, scorer, choiceTemperature, confidenceWeight, Lookahead.off());
  }

  /** @param lookahead how the best one-step questions are re-ranked by a second step ({@link Lookahead#off()}: not) */
  public TabularInterviewer(QuestionBank bank, AnswerModel model, Scorer scorer, double choiceTemperature,
                            double confidenceWeight, Lookahead lookahead) {
    this.lookahead = lookahead;
    this.children = bank.all().stream().filter(q -> q.parent().isPresent())
        .collect(Collectors.groupingBy(q -> q.parent().get()));
    this.confidenceWeight = confidenceWeight;
    this.bank = bank;
    this.model = model;
    this.scorer = scorer;
    this.choiceTemperature = choiceTemperature;
  }

  @Override
  public QuestionBank questions() {
    return bank;
  }

  public AnswerModel model() {
    return model;
  }

  public double[] posterior(InterviewState state) {
    return AnswerModel.normalise(scorer.logScores(state));
  }

  @Override
  public List<Candidate> differential(InterviewState state, int top) {
    double[] p = posterior(state);
    int[] order = InformationGain.candidates(p, 0, top <= 0 ? p.length : top);
    List<Candidate> out = new ArrayList<>(order.length);
    for (int c : order) {
      String id = model.classes().get(c);
      out.add(new Candidate(id, id, Math.min(1, Math.max(0, p[c])), DiseaseKind.COMMON, List.of()));
    }
    return out;
  }

  @Override
  public List<RankedQuestion> next(InterviewState state, int k) {
    double[] logs = scorer.logScores(state);
    double[] reported = confidenceWeight > 0 ? AnswerModel.normalise(logs) : null;
    for (int i = 0; i < logs.length; i++) {
      logs[i] /= choiceTemperature;
    }
    double[] p = AnswerModel.normalise(logs);
    int[] candidates = InformationGain.candidates(p, FLOOR, MAX_CANDIDATES);
    InformationGain.Start start = InformationGain.Start.of(p, candidates);
    List<RankedQuestion> ranked = new ArrayList<>();
    for (Question q : bank.all()) {
      if (!bank.allowed(q, state.answers())) {
        continue;
      }
      InformationGain.Outcomes outcomes = model.gainOutcomes(q.id());
      if (outcomes != null) {
        double gain = InformationGain.gain(start, outcomes);
        if (reported != null) {
          gain += confidenceWeight * InformationGain.confidenceGain(reported, candidates, outcomes.prob());
        }
        ranked.add(new RankedQuestion(q, gain));
      }
    }
    if (!lookahead.appliesTo(state)) {
      return RankedQuestion.best(ranked, k);
    }
    List<RankedQuestion> head = RankedQuestion.best(ranked, Math.max(k, Math.max(lookahead.width(), lookahead.pool())));
    List<RankedQuestion> reranked = lookahead.rerank(head, p, candidates, state, bank, model, children);
    return reranked.subList(0, Math.min(k, reranked.size()));
  }
}
