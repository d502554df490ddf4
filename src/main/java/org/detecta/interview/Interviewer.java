package org.detecta.interview;

import java.util.List;
import org.detecta.diagnosis.Candidate;

/**
 * Asks the next best question for one model: the differential given what is known, and the allowed
 * questions ranked by expected information gain. Implementations are immutable and thread-safe.
 */
public interface Interviewer {
  QuestionBank questions();

  /** The differential (best first, at most {@code top}; all when {@code top <= 0}). */
  List<Candidate> differential(InterviewState state, int top);

  /** The {@code k} allowed questions with the highest expected gain, best first. */
  List<RankedQuestion> next(InterviewState state, int k);

  /** Every question that may be asked now (for the random reference policy). */
  default List<Question> allowed(InterviewState state) {
    return questions().all().stream().filter(q -> questions().allowed(q, state.answers())).toList();
  }
}
