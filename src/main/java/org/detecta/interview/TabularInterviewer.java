package org.detecta.interview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  public TabularInterviewer(QuestionBank bank, AnswerModel model) {
    this(bank, model, 1.0);
  }

  /**
   * @param choiceTemperature the log-posterior is divided by this before gains are computed (above 1: a
   *     flatter, less overconfident differential for choosing; the reported differential is untouched)
   */
  public TabularInterviewer(QuestionBank bank, AnswerModel model, double choiceTemperature) {
    this.bank = bank;
    this.model = model;
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
    return AnswerModel.normalise(model.logPosterior(state.sex(), state.age(), state.answers()));
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
    double[] logs = model.logPosterior(state.sex(), state.age(), state.answers());
    for (int i = 0; i < logs.length; i++) {
      logs[i] /= choiceTemperature;
    }
    double[] p = AnswerModel.normalise(logs);
    int[] candidates = InformationGain.candidates(p, FLOOR, MAX_CANDIDATES);
    List<RankedQuestion> ranked = new ArrayList<>();
    for (Question q : bank.all()) {
      if (!bank.allowed(q, state.answers())) {
        continue;
      }
      double[][] outcomes = model.outcomeProbabilities(q.id());
      if (outcomes != null) {
        ranked.add(new RankedQuestion(q, InformationGain.gain(p, candidates, outcomes)));
      }
    }
    ranked.sort(Comparator.comparingDouble((RankedQuestion r) -> -r.gain()).thenComparing(r -> r.question().id()));
    return ranked.subList(0, Math.min(k, ranked.size()));
  }
}
