package org.detecta.interview;

/** A question with its expected information gain (nats) on the current differential. */
public record RankedQuestion(Question question, double gain) {
}
