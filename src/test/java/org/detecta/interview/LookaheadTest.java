package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detecta.cases.Sex;
import org.junit.jupiter.api.Test;

/**
 * Four conditions that all have pain and differ by its strength (a child of pain, asked only after pain was
 * answered yes); fever splits them in two. One step prefers fever (1 bit against pain's 0); two steps prefer
 * pain, which opens the strength question (2 bits).
 */
class LookaheadTest {
  private static final DdxplusQuestions BANK = TinyBank.bank();

  private static TabularInterviewer interviewer(Lookahead lookahead) {
    List<AnswerModel.Example> examples = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      examples.add(example("a", List.of("PAIN", "HOW_@_1", "FEVER"), i));
      examples.add(example("b", List.of("PAIN", "HOW_@_2", "FEVER"), i));
      examples.add(example("c", List.of("PAIN", "HOW_@_3"), i));
      examples.add(example("d", List.of("PAIN"), i));
    }
    AnswerModel model = AnswerModel.fit(BANK.all(), examples, Map.of(), AnswerModel.Smoothing.defaults());
    return new TabularInterviewer(BANK, model, s -> model.logPosterior(s.sex(), s.age(), s.answers()),
        new TabularInterviewer.Tuning(1.0, 0, lookahead, 1.0));
  }

  private static AnswerModel.Example example(String condition, List<String> tokens, int i) {
    List<String> all = new ArrayList<>(tokens);
    if (i % 2 == 0) {
      all.add("COUGH");
    }
    return new AnswerModel.Example(condition, Sex.UNKNOWN, Optional.empty(), BANK.truth(all));
  }

  private static final InterviewState START = new InterviewState(Sex.UNKNOWN, Optional.empty(), Map.of());

  @Test
  void oneStepAsksTheImmediatelyInformativeQuestion() {
    assertEquals("FEVER", interviewer(Lookahead.off()).next(START, 1).get(0).question().id());
  }

  @Test
  void twoStepsAskTheParentWhoseChildSeparatesEveryCondition() {
    List<RankedQuestion> next = interviewer(new Lookahead(3, 10, 8, 0, 0)).next(START, 3);
    assertEquals("PAIN", next.get(0).question().id(), next.toString());
    assertTrue(next.get(0).gain() < 0.05, "the reported gain stays the one-step gain of the question: " + next);
    assertEquals(3, next.stream().map(r -> r.question().id()).distinct().count());
  }

  @Test
  void theLookaheadWaitsForItsNumberOfAnswers() {
    assertEquals("FEVER", interviewer(new Lookahead(3, 10, 8, 1, 0)).next(START, 1).get(0).question().id());
    InterviewState coughed = START.with(Answer.yes("COUGH"));
    assertEquals("PAIN", interviewer(new Lookahead(3, 10, 8, 1, 0)).next(coughed, 1).get(0).question().id());
  }

  @Test
  void aFocusOfOneDiseaseLeavesNothingToLearn() {
    List<RankedQuestion> next = interviewer(new Lookahead(3, 10, 8, 0, 1)).next(START, 5);
    assertTrue(next.stream().allMatch(r -> r.gain() < 1e-12), next.toString());
    assertTrue(interviewer(new Lookahead(3, 10, 8, 0, 0)).next(START, 5).stream().anyMatch(r -> r.gain() > 0.5));
  }
}
