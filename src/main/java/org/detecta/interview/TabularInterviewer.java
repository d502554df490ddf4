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
  private final Scorer scorer;
  private final Tuning tuning;
  private final Map<String, List<Question>> children;

  /** Unnormalised log-posterior of every condition (the answer model's class order) given what is known. */
  @FunctionalInterface
  public interface Scorer {
    double[] logScores(InterviewState state);
  }

  /**
   * How questions are chosen and the differential reported, both from the scorer's log scores.
   *
   * @param choiceTemperature the log scores are divided by this before gains are computed (above 1: a flatter,
   *     less overconfident differential for choosing)
   * @param confidenceWeight weight of the expected rise of the top (reported) probability added to the
   *     information gain: 0 = information gain alone
   * @param lookahead how the best one-step questions are re-ranked by a second step ({@link Lookahead#off()}: not)
   * @param reportTemperature the log scores are divided by this for the reported differential (its calibration:
   *     the probabilities the stopping threshold reads); the ranking of diseases does not change
   * @param early the choice temperature of the first questions, while few answers are known ({@link EarlyChoice#off()}:
   *     {@code choiceTemperature} throughout)
   */
  public record Tuning(double choiceTemperature, double confidenceWeight, Lookahead lookahead, double reportTemperature,
                       EarlyChoice early) {
    public Tuning(double choiceTemperature, double confidenceWeight, Lookahead lookahead, double reportTemperature) {
      this(choiceTemperature, confidenceWeight, lookahead, reportTemperature, EarlyChoice.off());
    }

    public static Tuning plain() {
      return new Tuning(1.0, 0, Lookahead.off(), 1.0);
    }
  }

  public TabularInterviewer(QuestionBank bank, AnswerModel model) {
    this(bank, model, s -> model.logPosterior(s.sex(), s.age(), s.answers()), Tuning.plain());
  }

  /**
   * @param scorer the differential (e.g. the answer model blended with a classifier); the answer model
   *     still gives each question's outcome probabilities for the expected gain
   */
  public TabularInterviewer(QuestionBank bank, AnswerModel model, Scorer scorer, Tuning tuning) {
    this.bank = bank;
    this.model = model;
    this.scorer = scorer;
    this.tuning = tuning;
    this.children = bank.all().stream().filter(q -> q.parent().isPresent())
        .collect(Collectors.groupingBy(q -> q.parent().get()));
  }

  @Override
  public QuestionBank questions() {
    return bank;
  }

  public AnswerModel model() {
    return model;
  }

  /** The reported differential: the scores' softmax at the report temperature. */
  public double[] posterior(InterviewState state) {
    return softmaxAt(scorer.logScores(state), tuning.reportTemperature());
  }

  /** Softmax of {@code logs / temperature} ({@code logs} unchanged). */
  private static double[] softmaxAt(double[] logs, double temperature) {
    double[] scaled = logs.clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] /= temperature;
    }
    org.detecta.learn.Softmax.inPlace(scaled);
    return scaled;
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
    double[] reported = tuning.confidenceWeight() > 0 ? softmaxAt(logs, tuning.reportTemperature()) : null;
    double[] p = softmaxAt(logs, tuning.early().at(state, tuning.choiceTemperature()));
    Lookahead lookahead = tuning.lookahead();
    boolean late = lookahead.appliesTo(state);
    int[] candidates = InformationGain.candidates(p, FLOOR, late && lookahead.focus() > 0 ? lookahead.focus() : MAX_CANDIDATES);
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
          gain += tuning.confidenceWeight() * InformationGain.confidenceGain(reported, candidates, outcomes.prob());
        }
        ranked.add(new RankedQuestion(q, gain));
      }
    }
    if (!late) {
      return RankedQuestion.best(ranked, k);
    }
    List<RankedQuestion> head = RankedQuestion.best(ranked, Math.max(k, Math.max(lookahead.width(), lookahead.pool())));
    List<RankedQuestion> reranked = lookahead.rerank(head, p, candidates, state, bank, model, children);
    return reranked.subList(0, Math.min(k, reranked.size()));
  }
}
