package org.detecta.interview;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer to one question: a set of option ids ({@code yes}/{@code no} for yes/no questions, one value
 * for categorical ones, one or more for multi-choice ones), or no value at all for "don't know".
 */
public record Answer(String question, Set<String> values) {
  public Answer {
    Objects.requireNonNull(question, "question");
    values = java.util.Collections.unmodifiableSet(new TreeSet<>(values));
  }

  public static Answer yes(String question) {
    return new Answer(question, Set.of(Question.YES));
  }

  public static Answer no(String question) {
    return new Answer(question, Set.of(Question.NO));
  }

  public static Answer unknown(String question) {
    return new Answer(question, Set.of());
  }

  public static Answer of(String question, String value) {
    return Question.UNKNOWN.equals(value) ? unknown(question) : new Answer(question, Set.of(value));
  }

  public boolean isUnknown() {
    return values.isEmpty();
  }

  public boolean isYes() {
    return values.equals(Set.of(Question.YES));
  }

  public boolean isNo() {
    return values.equals(Set.of(Question.NO));
  }
}
