package org.detecta.interview;

import java.util.List;
import java.util.Optional;

/** A hand-made DDXPlus-like bank: pain (binary) → where (multi) and how strong (0..3); fever; cough. */
final class TinyBank {
  private TinyBank() {
  }

  static DdxplusQuestions bank() {
    List<Option> places = List.of(new Option("V_0", "nowhere", "ninguna parte"), new Option("V_1", "chest", "pecho"),
        new Option("V_2", "head", "cabeza"));
    List<Option> scale = List.of(new Option("0", "0", "0"), new Option("1", "1", "1"), new Option("2", "2", "2"),
        new Option("3", "3", "3"));
    return new DdxplusQuestions(List.of(
        new Question("PAIN", QuestionKind.BINARY, Optional.empty(), "Pain?", "¿Dolor?", Question.YES_NO, Question.NO),
        new Question("WHERE", QuestionKind.MULTI, Optional.of("PAIN"), "Where?", "¿Dónde?", places, "V_0"),
        new Question("HOW", QuestionKind.CATEGORICAL, Optional.of("PAIN"), "How strong?", "¿Cuánto?", scale, "0"),
        new Question("FEVER", QuestionKind.BINARY, Optional.empty(), "Fever?", "¿Fiebre?", Question.YES_NO, Question.NO),
        new Question("COUGH", QuestionKind.BINARY, Optional.empty(), "Cough?", "¿Tos?", Question.YES_NO, Question.NO)));
  }
}
