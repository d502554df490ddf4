package org.detecta.interview;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The questions one model can ask, the rule of which may be asked now, and the check of client answers. */
public interface QuestionBank {
  Optional<Question> find(String id);

  List<Question> all();

  /** True when the question is not answered and its preconditions (parent answered yes) hold. */
  boolean allowed(Question q, Map<String, Answer> answers);

  /** Every problem with answers sent by a client; empty when they can be used. */
  List<AnswerProblem> problems(Map<String, Answer> answers);

  /** A disease's name in the language asked ({@code es} or {@code en}); the model's own name by default. */
  default String diseaseName(String id, String name, String lang) {
    return name;
  }
}
