package org.detecta.interview;

/**
 * A flatter choice temperature while little is known: the questions asked while fewer than {@code untilAnswers}
 * answers are known are chosen on the posterior divided by {@code temperature} instead of the usual choice
 * temperature. Early on, naive Bayes already puts most of its mass on one or two conditions that the start
 * (one evidence, age, sex) cannot support; a nearly uniform weighting of the conditions still in play asks the
 * questions that split them evenly, which is what the first questions should do. {@link #off()}: never.
 */
public record EarlyChoice(double temperature, int untilAnswers) {
  public EarlyChoice {
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("early choice temperature must be positive, was " + temperature);
    }
  }

  public static EarlyChoice off() {
    return new EarlyChoice(1.0, 0);
  }

  /** The temperature to choose at in this state: {@code temperature} while it is early, else {@code later}. */
  double at(InterviewState state, double later) {
    return state.answers().size() < untilAnswers ? temperature : later;
  }
}
