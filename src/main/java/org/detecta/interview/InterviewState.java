package org.detecta.interview;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.detecta.cases.Sex;

/** What is known so far: sex, age and the answers by question id (insertion order = order asked). */
public record InterviewState(Sex sex, Optional<Double> age, Map<String, Answer> answers) {
  public InterviewState {
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(age, "age");
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }

  /** A new state with one more answer. */
  public InterviewState with(Answer answer) {
    Map<String, Answer> next = new LinkedHashMap<>(answers);
    next.put(answer.question(), answer);
    return new InterviewState(sex, age, next);
  }
}
