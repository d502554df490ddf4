package org.detecta.interview;

import java.util.List;
import java.util.Objects;

/** One thing wrong with the answers sent: the question (field), the value as sent, and what is wrong. */
public record AnswerProblem(String question, String value, String problem) {
  public AnswerProblem {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(problem, "problem");
    value = value == null ? "" : value;
  }

  /** Thrown when answers are invalid; carries every problem found, not just the first. */
  public static final class Invalid extends IllegalArgumentException {
    private final List<AnswerProblem> problems;

    public Invalid(List<AnswerProblem> problems) {
      super(problems.stream().map(p -> p.question() + ": " + p.problem()).reduce((a, b) -> a + "; " + b).orElse("invalid answers"));
      this.problems = List.copyOf(problems);
    }

    public List<AnswerProblem> problems() {
      return problems;
    }
  }
}
