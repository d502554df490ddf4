package org.detecta.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DdxplusQuestionsTest {
  private final DdxplusQuestions bank = TinyBank.bank();

  private static Map<String, Answer> answers(Answer... answers) {
    Map<String, Answer> out = new LinkedHashMap<>();
    for (Answer a : answers) {
      out.put(a.question(), a);
    }
    return out;
  }

  private boolean allowed(String id, Map<String, Answer> answers) {
    return bank.allowed(bank.find(id).orElseThrow(), answers);
  }

  @Test
  void childIsAskedOnlyAfterItsParentIsAnsweredYes() {
    assertFalse(allowed("WHERE", answers()));
    assertFalse(allowed("WHERE", answers(Answer.unknown("PAIN"))));
    assertFalse(allowed("WHERE", answers(Answer.no("PAIN"))), "a no to the parent settles its children");
    assertTrue(allowed("WHERE", answers(Answer.yes("PAIN"))));
    assertFalse(allowed("PAIN", answers(Answer.yes("PAIN"))), "never ask what is answered");
  }

  @Test
  void truthfulAnswersUseDefaultsAndSkipChildrenOfAbsentParents() {
    Map<String, Answer> withPain = bank.truth(List.of("PAIN", "WHERE_@_V_1", "WHERE_@_V_2"));
    assertEquals(Set.of("V_1", "V_2"), withPain.get("WHERE").values());
    assertEquals(Set.of("0"), withPain.get("HOW").values(), "not listed → the default value");
    assertTrue(withPain.get("FEVER").isNo());
    Map<String, Answer> noPain = bank.truth(List.of("FEVER"));
    assertTrue(noPain.get("PAIN").isNo());
    assertFalse(noPain.containsKey("WHERE"), "children of a no are not asked");
  }

  @Test
  void badAnswersAreNamed() {
    List<AnswerProblem> problems = bank.problems(answers(
        new Answer("NOPE", Set.of("yes")),
        new Answer("HOW", Set.of("7")),
        new Answer("WHERE", Set.of("V_0", "V_1")),
        Answer.yes("FEVER")));
    String all = problems.toString();
    assertTrue(all.contains("unknown evidence NOPE"), all);
    assertTrue(all.contains("'7' is not an option of HOW"), all);
    assertTrue(all.contains("answered without its parent PAIN"), all);
    assertTrue(all.contains("contradictory answers: 'V_0' cannot be combined"), all);
    assertTrue(bank.problems(answers(Answer.yes("PAIN"), new Answer("WHERE", Set.of("V_1")))).isEmpty());
    assertTrue(bank.problems(answers(Answer.no("PAIN"), new Answer("HOW", Set.of("2")))).toString()
        .contains("its parent PAIN was answered no"));
    assertTrue(bank.problems(answers(new Answer("FEVER", Set.of("yes", "no")))).toString().contains("takes one value"));
  }

  @Test
  void tokensBecomeAnswersAndAChildTokenImpliesItsParent() {
    List<AnswerProblem> problems = new ArrayList<>();
    Map<String, Answer> a = bank.fromTokens(List.of("WHERE_@_V_1", "HOW_@_9", "E_404"), List.of("FEVER"), problems);
    assertTrue(a.get("PAIN").isYes());
    assertEquals(Set.of("V_1"), a.get("WHERE").values());
    assertTrue(a.get("FEVER").isNo());
    assertEquals(2, problems.size(), problems.toString());
  }
}
